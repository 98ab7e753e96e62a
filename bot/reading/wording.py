"""How a reply is cut up before it is read, the same way in every language:
normalised text, clauses, the clauses that speak of someone else, and
whether the reply asks something back.

"no HIV, but I did have syphilis in 2015" and "没有艾滋病, 但是2015年得过梅毒"
hold two facts each; "my mum has lupus" and "我妈妈有狼疮" hold none about the
patient. Readers read each clause on its own and decide from all of them.
Each language gives its words as a `Wording` (bot/reading/<language>/wording.py);
the rules here are one for all.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

NEVER = re.compile(r"(?!x)x")
"""A pattern that matches nothing: a lexicon's switch left off."""


def spelled_right(plain: str, vocabulary: Sequence[str], shortest: int, alike: float) -> str:
    """Each word of `shortest` letters or more that is close to one of the
    vocabulary's (`alike`: 0.8 is 80% alike) written as that one ("decmber",
    "transplnt"); any other word left alone."""
    if not vocabulary:
        return plain

    def fix(match: re.Match[str]) -> str:
        close = difflib.get_close_matches(match[0], vocabulary, n=1, cutoff=alike)
        return close[0] if close else match[0]

    return re.sub(rf"[^\W\d_]{{{shortest},}}", fix, plain)


@dataclass(frozen=True)
class Wording:
    """A language's words for cutting a reply; the named switches are the
    fields that are None in one language (docs/architecture.md says why)."""

    folding: Mapping[int, str]
    """Characters folded after NFKC: curly quotes straightened, traditional
    characters simplified."""
    replacements: tuple[tuple[str, str], ...]
    """Words written the readers' way after folding (Cantonese 冇 as 没有)."""
    clause_break: re.Pattern[str]
    """Between two facts: punctuation, and the words that join or oppose them."""
    asked_back: re.Pattern[str]
    """A short clause ending in "?": something asked back, not stated."""
    someone_else: re.Pattern[str]
    """Another person as the subject of what follows (the fact itself is not
    part of the match, so that removing it leaves the fact)."""
    couples_fact: re.Pattern[str]
    """A partner's fact that is the patient's too (a vasectomy)."""
    first_person: re.Pattern[str]
    proxy: re.Pattern[str]
    """Someone answering for the patient ("I'm filling this in for my mum",
    "我替我妈填的"): that person is then the patient."""
    question_end: re.Pattern[str]
    """How a reply that asks something back ends ("?", 吗)."""
    question_word: re.Pattern[str]
    """A question word where the reply asks something back."""
    leading: re.Pattern[str] | None = None
    """Switch (en): a yes or no said before the statement is a clause of its
    own ("no I don't"); Chinese puts no such word before a statement."""
    any_word: re.Pattern[str] = NEVER
    """A question word that means "any" ("什么都没有"): no question."""
    not_knowing: re.Pattern[str] = NEVER
    """What follows is asked of oneself ("不知道是不是抗生素"): no question."""
    trailing: str = ""
    """Characters stripped from the end before a question is looked for."""

    def normalised(self, text: str) -> str:
        """NFKC, the language's folding, lower case, single spaces, the
        language's replacements."""
        plain = unicodedata.normalize("NFKC", text).translate(self.folding).lower()
        plain = " ".join(plain.split())
        for written, read in self.replacements:
            plain = plain.replace(written, read)
        return plain

    def clauses(self, text: str, leading_words: bool = True) -> list[str]:
        """The reply's clauses, in order, without empty ones and without the
        questions it asks back ("HIV?? lol no" is a no); with `leading_words`
        and the language's `leading` switch a leading yes or no is a clause
        of its own."""
        parts: list[str] = []
        asked_back = self.asked_back.sub(" . ", self.normalised(text))
        for part in self.clause_break.split(asked_back):
            part = (part or "").strip(" ,'\"")
            while leading_words and self.leading and part and (found := self.leading.match(part)):
                parts.append(found.group(1))
                part = part[found.end() :].strip(" ,")
            if part:
                parts.append(part)
        return parts

    def about_someone_else(self, clause: str) -> bool:
        """True when the clause states a fact of another person ("my sister
        has lupus", "她得过") and says nothing of the patient ("我和我妈妈都有"
        is the patient's too; so is the partner's contraception)."""
        if not self.someone_else.search(clause) or self.couples_fact.search(clause):
            return False
        return not self.first_person.search(self.someone_else.sub(" ", clause))

    def own_clauses(self, text: str, leading_words: bool = True) -> list[str]:
        """The clauses that may be about the patient. When the reply says it
        is written for someone else, that person is the patient: every other
        clause is theirs (without its "she", "我妈")."""
        parts = self.clauses(text, leading_words)
        if any(self.proxy.search(part) for part in parts):
            return [
                stated
                for part in parts
                if not self.proxy.search(part)
                and (stated := self.someone_else.sub("", part).strip())
            ]
        return [part for part in parts if not self.about_someone_else(part)]

    def is_question(self, text: str) -> bool:
        """The reply asks something back ("hiv?", "what is ild?", "HIV吗");
        not "什么都没有" (nothing at all) nor a doubt of one's own."""
        plain = self.normalised(text).rstrip(self.trailing)
        if self.question_end.search(plain):
            return True
        asked = self.any_word.sub(" ", plain)
        if not_knowing := self.not_knowing.search(asked):
            asked = asked[: not_knowing.start()]
        return bool(self.question_word.search(asked))
