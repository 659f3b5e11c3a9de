"""Channels are data, not a Python enum: a repository adds its own in its configuration."""

DEFAULT_CHANNELS: tuple[str, ...] = (
    "email",
    "in-app",
    "video-call",
    "meeting",
    "phone",
    "webinar",
    "portal",
    "chat",
    "community",
    "knowledge-base",
    "event",
    "other",
)
