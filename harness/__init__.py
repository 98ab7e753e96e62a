"""The test harness: what the tests, the benchmarks and the scripts that
drive the product share.

- `servers`: the real action server, Rasa server and inbox as subprocesses on
  free ports, their data in a folder the caller gives (a temporary one);
- `patients`: simulated patients, and how they answer whatever the bot asks;
- `answer_battery`: types a battery of replies at its questions and judges
  what the assistant stored; `safety` scores a stored answer by what it
  decides (unsafe, wrong, asked again);
- `browser` and `website`: Debian's headless chromium, and a patient using the
  website in it.

The harness may use `bot/` and the product's public interfaces (its HTTP
channels, its stores, its domain); nothing in the product imports it
(tests/test_layout.py).
"""
