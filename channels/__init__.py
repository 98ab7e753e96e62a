"""Input channels: the public surface where patients' messages arrive.

Rasa imports this package for the REST channel (credentials.yml); importing it
also fixes Rasa's costly check of action server replies (action_replies.py).
"""

from channels import action_replies

action_replies.install()
