"""Settings shared by Rasa's stores and the web service, in one place and free of Rasa imports
(the web service reads them without loading Rasa)."""

DATABASE_ENV = "ASSISTANT_DATABASE_URL"
# The tracker store of the embedded default, relative to the project root.
DEFAULT_DATABASE_URL = "sqlite:///build/rasa-tracker.db"
