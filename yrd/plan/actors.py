"""Who reads and who writes, as the plan's signatures name them. (Candidates for yrd.core.actors;
kept here until core names them for every module.)"""

from django.contrib.auth.models import AnonymousUser

from yrd.core.actors import SystemActor
from yrd.core.models import User

Reader = User | AnonymousUser | SystemActor  # a selector's caller: what they may see is filtered
Actor = User | SystemActor  # a write's acting_user: a person, or SYSTEM for loaders and commands
