"""Live figures the plan tracker shows (declared in the manifest): small and public on purpose."""

from django.db.models import F

from yrd.innovation.models import Award, Centre, CooperationProject, Instrument, Recognition, Redemption


def instruments_shared() -> int:
    return Instrument.objects.count()


def vouchers_redeemed_cross_province() -> int:
    return Redemption.objects.exclude(issuing_province=F("provider_province")).count()


def joint_fund_projects() -> int:
    return Award.objects.count()


def cooperation_underway() -> int:
    stages = [CooperationProject.Stage.UNDERWAY, CooperationProject.Stage.COMPLETED]
    return CooperationProject.objects.filter(stage__in=stages).count()


def cooperation_by_stage() -> dict[str, int]:
    counts = {stage: 0 for stage in CooperationProject.Stage.values}
    for stage in CooperationProject.objects.values_list("stage", flat=True):
        counts[stage] += 1
    return counts


def consortia() -> int:
    return Centre.objects.filter(kind=Centre.Kind.CONSORTIUM).count()


def recognitions() -> int:
    return Recognition.objects.count()
