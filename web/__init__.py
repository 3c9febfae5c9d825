"""The web service: demo page with chat, health checks and a JSON API over veileder/."""
