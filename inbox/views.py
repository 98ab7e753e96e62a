"""The referral pages: the list, one referral, its workflow and notes.

Contact details are decrypted only for the one referral's page (and that
view is audited); the list shows none. Status changes go through the store,
which allows only the model's transitions (bot/referrals/model.py); closing a
referral as not enrolled needs a reason from `NOT_ENROLLED_REASONS`.
"""

from __future__ import annotations

from datetime import date

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_login import login_required

from bot.protocol.eligibility import Outcome
from bot.referrals.model import NEXT_STATUSES, Referral, Request, Status
from inbox.auth import account
from inbox.i18n import site_today, text
from inbox.listing import Filters, disease_counts, duplicates_of, new_count, summaries
from inbox.parts import parts

blueprint = Blueprint("referrals", __name__)

NOT_ENROLLED_REASONS = ("not_eligible", "declined", "unreachable", "withdrew", "duplicate", "other")
MAX_NOTE = 4000


@blueprint.route("/")
@login_required  # type: ignore[misc]
def listing() -> ResponseReturnValue:
    filters = _filters()
    engine = parts().services.engine
    return render_template(
        "list.html",
        referrals=summaries(engine, filters),
        filters=filters,
        new=new_count(engine),
        choices={
            "status": [s.value for s in Status],
            "outcome": [o.value for o in Outcome if o is not Outcome.NOT_ELIGIBLE],
            "request": [r.value for r in Request],
            "language": ["en", "zh"],
            "disease": sorted(disease_counts(engine)),
        },
    )


@blueprint.route("/recontact")
@login_required  # type: ignore[misc]
def recontact() -> ResponseReturnValue:
    """Deferred patients due for re-contact from their re-screen date."""
    due = parts().services.referrals.due_for_recontact(site_today())
    return render_template("recontact.html", due=due)


@blueprint.route("/referrals/<int:referral_id>")
@login_required  # type: ignore[misc]
def referral(referral_id: int) -> ResponseReturnValue:
    found = _referral(referral_id)
    inbox = parts()
    inbox.audit.record(account().username, "view_contact", referral_id)
    return render_template(
        "referral.html",
        referral=found,
        referral_id=referral_id,
        next_statuses=sorted(s.value for s in NEXT_STATUSES[found.status]),
        reasons=NOT_ENROLLED_REASONS,
        duplicate_of=duplicates_of(inbox.services.engine, referral_id),
        audit=inbox.audit.entries(referral_id),
    )


@blueprint.route("/referrals/<int:referral_id>/status", methods=["POST"])
@login_required  # type: ignore[misc]
def change_status(referral_id: int) -> ResponseReturnValue:
    found = _referral(referral_id)
    try:
        to_status = Status(request.form.get("status", ""))
    except ValueError:
        abort(400)
    reason = request.form.get("reason", "")
    if to_status is Status.NOT_ENROLLED and reason not in NOT_ENROLLED_REASONS:
        flash(text("reason_needed"))
        return redirect(url_for("referrals.referral", referral_id=referral_id))
    note = f"reason:{reason}" if to_status is Status.NOT_ENROLLED else ""
    try:
        parts().services.referrals.change_status(
            found.conversation_id, to_status, account().username, note
        )
    except ValueError:
        flash(text("not_allowed"))
    else:
        detail = f"{found.status.value} -> {to_status.value}" + (f" ({reason})" if note else "")
        parts().audit.record(account().username, "status", referral_id, detail)
        flash(text("changed"))
    return redirect(url_for("referrals.referral", referral_id=referral_id))


@blueprint.route("/referrals/<int:referral_id>/notes", methods=["POST"])
@login_required  # type: ignore[misc]
def add_note(referral_id: int) -> ResponseReturnValue:
    _referral(referral_id)
    note = request.form.get("text", "").strip()[:MAX_NOTE]
    if note:
        parts().services.referrals.add_note(referral_id, account().username, note)
        parts().audit.record(account().username, "note", referral_id)  # never the note's text
        flash(text("changed"))
    return redirect(url_for("referrals.referral", referral_id=referral_id))


def _referral(referral_id: int) -> Referral:
    found = parts().services.referrals.get_by_id(referral_id)
    if found is None:
        abort(404)
    return found


def _filters() -> Filters:
    args = request.args

    def day(name: str) -> date | None:
        try:
            return date.fromisoformat(args.get(name, ""))
        except ValueError:
            return None

    return Filters(
        status=args.get("status") or None,
        outcome=args.get("outcome") or None,
        request=args.get("request") or None,
        disease=args.get("disease") or None,
        language=args.get("language") or None,
        since=day("since"),
        until=day("until"),
    )
