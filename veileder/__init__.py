"""The domain of the Innovasjonspartnerskap assistant: the call's facts and the rules over them.

Nothing in this package imports Rasa or FastAPI; the actions and the web service are adapters.
"""
