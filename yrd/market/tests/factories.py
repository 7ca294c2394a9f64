"""Personas and report factories for the market module's tests (other modules' tests may import them)."""

from django.utils import timezone

from yrd.core.actors import SYSTEM
from yrd.core.tests.factories import api_key, make_uscc, person
from yrd.market.writes import feed_import, report_submit
from yrd.market.writes.reports import ReportInput


def shanghai_regulator():
    return person("market_regulator", "310000", username="sh_regulator")


def jiangsu_regulator():
    return person("market_regulator", "320000", username="js_regulator")


def zhejiang_regulator():
    return person("market_regulator", "330000", username="zj_regulator")


def anhui_regulator():
    return person("market_regulator", "340000", username="ah_regulator")


def market_admin():
    return person("market_admin", "YRD", username="market_admin")


def jiangsu_feed():
    return person("market_feed", "320000", username="js_feed")


def reporter(name="reporter"):
    return person(None, username=name)


def stranger():
    return person(None, username="stranger")


def open311_client():
    """An Open311 client system's account and its api_key."""
    account = person(None, username="open311_client")
    key = api_key(account)
    return account, key


def report_input(**fields) -> ReportInput:
    values = {
        "subject_name": "苏州美佳食品有限公司",
        "category": "food_safety",
        "incident_city": "320500",
        "description": "出售过期食品",
        "reporter_name": "张三",
        "reporter_phone": "13800138000",
    }
    values.update(fields)
    return ReportInput(**values)


def report(acting_user=SYSTEM, **fields):
    return report_submit(acting_user=acting_user, data=report_input(**fields), channel="web")


def feed(acting_user, records, source="js-12315"):
    return feed_import(acting_user=acting_user, source=source, records=records)


USCC_SUZHOU = make_uscc("320508")
NOW = timezone.now
