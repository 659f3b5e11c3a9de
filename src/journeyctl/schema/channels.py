"""Channels are data, not a Python enum: a repository adds its own in its configuration.

Customers read a channel's label, never its id (docs/format.md, "Channel labels"): every built-in
channel has one here, and `channel_labels` in the configuration names the rest (or renames these).
"""

CHANNEL_LABELS: dict[str, str] = {
    "email": "Email",
    "in-app": "In the product",
    "video-call": "Video call",
    "meeting": "Meeting",
    "phone": "Phone call",
    "webinar": "Webinar",
    "portal": "Customer portal",
    "chat": "Chat",
    "community": "Community",
    "knowledge-base": "Knowledge base",
    "event": "Event",
    "other": "Other",
}
DEFAULT_CHANNELS: tuple[str, ...] = tuple(CHANNEL_LABELS)


def channel_label(channel: str, labels: dict[str, str] | None = None) -> str:
    """The configured label, else the built-in one, else the id made readable ("on-site" -> "On site")."""
    if labels and channel in labels:
        return labels[channel]
    if channel in CHANNEL_LABELS:
        return CHANNEL_LABELS[channel]
    return channel.replace("-", " ").capitalize()
