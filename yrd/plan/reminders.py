"""Milestone reminders: each task owner hears of the open milestones of their tasks that fall due
within N working days or are overdue; plan coordinators covering a task hear of its overdue ones.

One message per person per run, in the person's own language. Each reminder sent is written to the
audit log with the day it was for, so a second run on the same day sends only what is new.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from django.db import transaction
from django.urls import reverse
from django.utils.functional import lazy
from django.utils.translation import gettext, ngettext, pgettext

from yrd.core.access import can
from yrd.core.actors import SYSTEM
from yrd.core.audit import audit_record
from yrd.core.models import AuditEntry, Role, RoleAssignment
from yrd.core.notifications import notify
from yrd.core.workdays import add_workdays, workdays_between
from yrd.plan.apps import MANAGE, SUBMIT
from yrd.plan.models import Milestone

SENT = "plan.reminder.send"
DEFAULT_DAYS = 5
DUE, OVERDUE = "due", "overdue"


@dataclass
class Reminder:
    person: object
    due: list = field(default_factory=list)
    overdue: list = field(default_factory=list)


@dataclass
class Summary:
    people: int = 0
    due: int = 0  # milestones falling due within the window
    overdue: int = 0
    already_sent: int = 0  # people who had every one of their reminders already today
    unowned: int = 0  # milestones nobody could be told of


def open_milestones(today, days):
    """Open milestones due on or before the `days`-th working day after `today`, overdue ones
    included, with what deciding their recipients needs."""
    horizon = add_workdays(today, days)
    return list(
        Milestone.objects.filter(done_date__isnull=True, due_date__lte=horizon)
        .select_related("task")
        .prefetch_related("task__lead_jurisdictions", "task__colead_jurisdictions", "task__responsible_organisations")
        .order_by("due_date", "task__code", "pk")
    )


class _Recipients:
    """Who may act on a task: owners (plan.report.submit bound to one of its organisations) and
    coordinators (plan.task.manage over it). Grants are read once per person."""

    def __init__(self):
        roles = list(Role.objects.all())
        assignments = RoleAssignment.objects.filter(
            user__is_active=True, role__in=[r for r in roles if {SUBMIT, MANAGE} & set(r.actions)]
        ).select_related("user", "role")
        self.people, self.owners_by_org, self.coordinators = {}, defaultdict(set), set()
        for assignment in assignments:
            self.people.setdefault(assignment.user_id, assignment.user)
            if SUBMIT in assignment.role.actions and assignment.organisation_id:
                self.owners_by_org[assignment.organisation_id].add(assignment.user_id)
            if MANAGE in assignment.role.actions:
                self.coordinators.add(assignment.user_id)

    def owners(self, task):
        ids = set().union(*(self.owners_by_org[o.pk] for o in task.responsible_organisations.all()))
        return self._allowed(ids, SUBMIT, task)

    def coordinators_of(self, task):
        return self._allowed(self.coordinators, MANAGE, task)

    def _allowed(self, ids, action, task):
        return [self.people[pk] for pk in sorted(ids) if can(self.people[pk], action, task)]


def collect(today, days):
    """{person id: Reminder} for the milestones of the window, and how many had nobody to tell."""
    recipients, reminders, unowned = _Recipients(), {}, 0
    for milestone in open_milestones(today, days):
        kind = OVERDUE if milestone.due_date < today else DUE
        people = recipients.owners(milestone.task)
        if kind == OVERDUE:
            people += recipients.coordinators_of(milestone.task)
        unowned += not people
        for person in people:
            reminder = reminders.setdefault(person.pk, Reminder(person))
            if milestone not in getattr(reminder, kind):
                getattr(reminder, kind).append(milestone)
    return reminders, unowned


def sent_on(day):
    """{person id: {(kind, milestone id)}} already reminded for `day`."""
    sent = defaultdict(set)
    for entry in AuditEntry.objects.filter(action=SENT, data__day=day.isoformat()):
        for kind in (DUE, OVERDUE):
            sent[int(entry.object_id)] |= {(kind, pk) for pk in entry.data.get(kind, [])}
    return sent


def send_reminders(*, today: date, days: int = DEFAULT_DAYS, dry_run=False, progress=None):
    """Notify everyone concerned; returns a Summary. `progress(total)` is called once with the
    number of people, and then `progress()` after each."""
    reminders, unowned = collect(today, days)
    already = sent_on(today)
    summary = Summary(unowned=unowned)
    if progress:
        progress(len(reminders))
    for person_id, reminder in reminders.items():
        sent = already[person_id]
        reminder.due = [m for m in reminder.due if (DUE, m.pk) not in sent]
        reminder.overdue = [m for m in reminder.overdue if (OVERDUE, m.pk) not in sent]
        if reminder.due or reminder.overdue:
            if not dry_run:
                _send(reminder, today, days)
            summary.people += 1
        else:
            summary.already_sent += 1
        if progress:
            progress()
    summary.due = len({m.pk for r in reminders.values() for m in r.due})
    summary.overdue = len({m.pk for r in reminders.values() for m in r.overdue})
    return summary


@transaction.atomic
def _send(reminder, today, days):
    tasks = {m.task_id for m in [*reminder.due, *reminder.overdue]}
    url = reverse("plan:task", args=[tasks.pop()]) if len(tasks) == 1 else reverse("plan:attention")
    notify(
        recipients=[reminder.person],
        subject=lazy(_subject, str)(len(reminder.due), len(reminder.overdue)),
        body=lazy(_body, str)(reminder, today, days),
        url=url,
    )
    audit_record(
        actor=SYSTEM,
        action=SENT,
        obj=reminder.person,
        data={"day": today.isoformat(), DUE: [m.pk for m in reminder.due], OVERDUE: [m.pk for m in reminder.overdue]},
    )


# The texts are built when notify() turns them into strings, inside the recipient's language.


def _subject(due, overdue):
    parts = []
    if overdue:
        parts.append(
            ngettext("%(count)d overdue milestone", "%(count)d overdue milestones", overdue) % {"count": overdue}
        )
    if due:
        parts.append(ngettext("%(count)d milestone due soon", "%(count)d milestones due soon", due) % {"count": due})
    what = pgettext("list separator", ", ").join(parts)
    return gettext("Plan reminder: %(what)s") % {"what": what}


def _body(reminder, today, days):
    lines = []
    if reminder.overdue:
        lines += [gettext("Overdue:"), *(_line(m, _late(m, today)) for m in reminder.overdue)]
    if reminder.due:
        lines += [""] if lines else []
        lines.append(
            ngettext("Due within %(days)d working day:", "Due within %(days)d working days:", days) % {"days": days}
        )
        lines += [_line(m, _soon(m, today)) for m in reminder.due]
    lines += ["", gettext("Record the milestone as done, or report progress on the task.")]
    return "\n".join(lines)


def _late(milestone, today):
    late = workdays_between(milestone.due_date, today)
    if not late:  # due on a weekend or holiday just past
        return gettext("was due %(date)s") % {"date": milestone.due_date.isoformat()}
    return ngettext(
        "was due %(date)s, %(count)d working day late", "was due %(date)s, %(count)d working days late", late
    ) % {"date": milestone.due_date.isoformat(), "count": late}


def _soon(milestone, today):
    left = workdays_between(today, milestone.due_date)
    if milestone.due_date == today:
        return gettext("due today")
    return ngettext("due %(date)s, in %(count)d working day", "due %(date)s, in %(count)d working days", left) % {
        "date": milestone.due_date.isoformat(),
        "count": left,
    }


def _line(milestone, when):
    return f"- {milestone.task.code} {milestone.task.title} — {milestone.title}: {when}"
