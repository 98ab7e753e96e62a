"""The coordinators' inbox: a Flask application over the referral store.

It imports `bot.settings`, `bot.services` and `bot.referrals` (and `bot.notify`)
only; nothing in `bot/` knows it exists.
"""
