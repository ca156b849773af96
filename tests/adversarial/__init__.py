"""The adversarial suite: hostile input of every kind, each with a time limit (issue 13, "How to check")."""
