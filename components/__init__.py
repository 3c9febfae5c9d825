"""Rasa extensions: the Norwegian language pipeline, input guards, channels and stores."""
