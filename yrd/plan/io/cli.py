"""What the import, export and PDF commands share: acting as a named person, in a language."""

from django.core.management.base import CommandError
from django.utils import translation

from yrd.core.models import User


def acting_user(username):
    user = User.objects.filter(username=username, is_active=True).first()
    if user is None:
        raise CommandError(f"No active user named {username!r}.")
    return user


def add_user_arguments(parser):
    parser.add_argument("--user", required=True, help="Act as this username; only what they may do is done.")
    parser.add_argument(
        "--language", choices=["zh-hans", "en"], help="Language of messages and reports (default: the user's own)."
    )


def language_of(user, options):
    return translation.override(options.get("language") or user.language or "zh-hans")
