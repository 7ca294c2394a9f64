"""Every constraint an allocation must meet, checked from the problem and the answer alone.

Each check returns a list of violations (empty when it holds), so a failing test names all of them.
"""

import math
from collections import defaultdict

from yrd.emergency.allocation import Allocation, Problem, ShortCause


def served(problem: Problem, answer: Allocation) -> dict[tuple[int, str], int]:
    index = {request.key: r for r, request in enumerate(problem.requests)}
    result: dict[tuple[int, str], int] = defaultdict(int)
    for line in answer.lines:
        result[(index[line.request], line.item)] += line.quantity
    return dict(result)


def _lots(problem):
    return {(w.key, item, lot.key): lot for w in problem.warehouses for item, lots in w.lots.items() for lot in lots}


def _expiry(lot):
    return math.inf if lot.expires_in_hours is None else lot.expires_in_hours


def picked(answer: Allocation) -> dict[tuple[str, str, str], int]:
    result: dict[tuple[str, str, str], int] = defaultdict(int)
    for line in answer.lines:
        for pick in line.picks:
            result[(line.warehouse, line.item, pick.lot)] += pick.quantity
    return result


def stock_violations(problem: Problem, answer: Allocation) -> list[str]:
    lots = _lots(problem)
    errors = []
    for line in answer.lines:
        if line.quantity <= 0:
            errors.append(f"{line}: quantity not positive")
        if sum(p.quantity for p in line.picks) != line.quantity:
            errors.append(f"{line}: picks do not add up to the quantity")
        for pick in line.picks:
            lot = lots.get((line.warehouse, line.item, pick.lot))
            if lot is None:
                errors.append(f"{line}: lot {pick.lot} is not at that warehouse for that item")
            elif _expiry(lot) <= max(line.reason.travel_hours, 0.0):
                errors.append(f"{line}: lot {pick.lot} expires before it arrives (or has expired)")
    for key, quantity in picked(answer).items():
        if key in lots and quantity > lots[key].quantity:
            errors.append(f"lot {key}: {quantity} picked of {lots[key].quantity}")
    return errors


def deadline_violations(problem: Problem, answer: Allocation) -> list[str]:
    w_index = {w.key: i for i, w in enumerate(problem.warehouses)}
    r_index = {r.key: i for i, r in enumerate(problem.requests)}
    errors = []
    for line in answer.lines:
        hours = float(problem.travel_hours[w_index[line.warehouse], r_index[line.request]])
        request = problem.requests[r_index[line.request]]
        if not (math.isfinite(hours) and hours <= request.needed_within_hours):
            errors.append(f"{line}: arrives after {hours} h, needed within {request.needed_within_hours} h")
        if hours != line.reason.travel_hours:
            errors.append(f"{line}: explains {line.reason.travel_hours} h but the matrix says {hours} h")
    return errors


def need_violations(problem: Problem, answer: Allocation) -> list[str]:
    """Nobody gets more than asked, and the shortfalls are exactly the unmet needs."""
    got = served(problem, answer)
    expected = {}
    for r, request in enumerate(problem.requests):
        for item, quantity in request.needs.items():
            if got.get((r, item), 0) > quantity:
                return [f"request {request.key} got {got[(r, item)]} of {item}, needed {quantity}"]
            if got.get((r, item), 0) < quantity:
                expected[(request.key, item)] = (quantity, got.get((r, item), 0))
    reported = {(s.request, s.item): (s.needed, s.allocated) for s in answer.shortfalls}
    return [] if reported == expected else [f"shortfalls reported {reported}, expected {expected}"]


def _usable_left(problem, answer, warehouse, item, hours):
    """Units of `item` at `warehouse` left unpicked that would still be good after `hours`."""
    taken = picked(answer)
    lots = dict(problem.warehouses[warehouse].lots).get(item, [])
    key = problem.warehouses[warehouse].key
    return sum(
        lot.quantity - taken.get((key, item, lot.key), 0)
        for lot in lots
        if _expiry(lot) > max(hours, 0.0) and lot.quantity > 0
    )


def nearer_stock_violations(problem: Problem, answer: Allocation) -> list[str]:
    """No line passes over a nearer warehouse that still has usable stock for the same request."""
    r_index = {r.key: i for i, r in enumerate(problem.requests)}
    errors = []
    for line in answer.lines:
        r = r_index[line.request]
        deadline = problem.requests[r].needed_within_hours
        for w in range(len(problem.warehouses)):
            hours = float(problem.travel_hours[w, r])
            if hours < line.reason.travel_hours and hours <= deadline:
                left = _usable_left(problem, answer, w, line.item, hours)
                if left > 0:
                    errors.append(f"{line}: nearer {problem.warehouses[w].key} ({hours} h) still has {left}")
    return errors


def priority_violations(problem: Problem, answer: Allocation) -> list[str]:
    """No unit goes to a lower class while a higher-class request it could have served is short."""
    lots = _lots(problem)
    w_index = {w.key: i for i, w in enumerate(problem.warehouses)}
    r_index = {r.key: i for i, r in enumerate(problem.requests)}
    errors = []
    for short in answer.shortfalls:
        r = r_index[short.request]
        request = problem.requests[r]
        for line in answer.lines:
            if line.item != short.item or problem.requests[r_index[line.request]].priority <= short.priority:
                continue
            hours = float(problem.travel_hours[w_index[line.warehouse], r])
            if not (hours <= request.needed_within_hours):
                continue
            for pick in line.picks:
                if _expiry(lots[(line.warehouse, line.item, pick.lot)]) > hours:
                    errors.append(f"{line} (class {line.request}) took lot {pick.lot} that {short} could use")
    return errors


def fefo_violations(problem: Problem, answer: Allocation) -> list[str]:
    """No line takes a lot while an earlier-expiring lot it could use is left unpicked."""
    lots = _lots(problem)
    taken = picked(answer)
    errors = []
    for line in answer.lines:
        for pick in line.picks:
            expiry = _expiry(lots[(line.warehouse, line.item, pick.lot)])
            for (warehouse, item, key), lot in lots.items():
                if (warehouse, item) != (line.warehouse, line.item) or lot.quantity == 0:
                    continue
                left = lot.quantity - taken.get((warehouse, item, key), 0)
                if left > 0 and line.reason.travel_hours < _expiry(lot) < expiry:
                    errors.append(f"{line}: took {pick.lot} while earlier-expiring {key} has {left} left")
    return errors


def cause_violations(problem: Problem, answer: Allocation) -> list[str]:
    """A shortfall blamed on 'no stock' or 'not in time' really has no warehouse able to deliver."""
    lots = _lots(problem)
    r_index = {r.key: i for i, r in enumerate(problem.requests)}
    errors = []
    for short in answer.shortfalls:
        r = r_index[short.request]
        deliverable = any(
            math.isfinite(hours := float(problem.travel_hours[w, r]))
            and hours <= problem.requests[r].needed_within_hours
            and _expiry(lots[(warehouse.key, short.item, lot.key)]) > hours
            and lot.quantity > 0
            for w, warehouse in enumerate(problem.warehouses)
            for lot in warehouse.lots.get(short.item, [])
        )
        if deliverable != (short.cause == ShortCause.SHARED):
            errors.append(f"{short}: cause does not match (deliverable in time: {deliverable})")
    return errors


def reason_violations(problem: Problem, answer: Allocation) -> list[str]:
    """Each line's rank and number of alternatives count the warehouses that hold stock of the item
    still good on arrival and reach the request by its needed-by time."""
    r_index = {r.key: i for i, r in enumerate(problem.requests)}
    errors = []
    for line in answer.lines:
        r = r_index[line.request]
        request = problem.requests[r]
        eligible = [
            hours
            for w, warehouse in enumerate(problem.warehouses)
            if (hours := float(problem.travel_hours[w, r])) <= request.needed_within_hours
            and any(lot.quantity > 0 and _expiry(lot) > max(hours, 0.0) for lot in warehouse.lots.get(line.item, []))
        ]
        rank = 1 + sum(hours < line.reason.travel_hours for hours in eligible)
        if (line.reason.rank, line.reason.alternatives) != (rank, len(eligible)):
            errors.append(f"{line}: rank/alternatives should be {rank}/{len(eligible)}")
    return errors


def all_violations(problem: Problem, answer: Allocation) -> list[str]:
    return [
        *stock_violations(problem, answer),
        *deadline_violations(problem, answer),
        *need_violations(problem, answer),
        *nearer_stock_violations(problem, answer),
        *priority_violations(problem, answer),
        *fefo_violations(problem, answer),
        *cause_violations(problem, answer),
        *reason_violations(problem, answer),
    ]
