from datetime import timedelta
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from yrd.core.actors import SYSTEM
from yrd.innovation import writes
from yrd.innovation.models import Proposal, Redemption
from yrd.innovation.tests import factories as f


def get(client, user, name, *args, lang="en", **query):
    if user is not None:
        client.force_login(user)
    return client.get(reverse(name, args=args), query, HTTP_ACCEPT_LANGUAGE=lang)


@pytest.mark.parametrize(
    "lang,heading", [("en", "Science and technology cooperation"), ("zh-hans", "长三角科技创新协同")]
)
def test_the_overview_is_public_in_both_languages(client, world, lang, heading):
    f.instrument(world.sh_lab)
    page = get(client, None, "innovation:overview", lang=lang)
    assert page.status_code == 200
    text = page.content.decode()
    assert heading in text and 'data-echarts="chart-instruments-map"' in text and "<script>" not in text


def test_the_instrument_catalogue_filters_by_province(client, world):
    f.instrument(world.sh_lab, code="SH-1")
    f.instrument(world.hf_lab, code="AH-1")
    text = get(client, None, "innovation:instruments", province="340000").content.decode()
    assert "AH-1" in text and "SH-1" not in text


def test_matchmaking_finds_a_chinese_capability_for_an_english_need(client, world):
    writes.capability_save(
        acting_user=SYSTEM,
        code="C1",
        kind="lab",
        title="动力电池测试实验室",
        text="锂电池 循环寿命 测试",
        province=world.hf_lab.jurisdiction.province,
        field="energy",
    )
    writes.capability_save(
        acting_user=SYSTEM,
        code="C2",
        kind="lab",
        title="水质检测中心",
        text="水质 废水 检测",
        province=world.sh_lab.jurisdiction.province,
        field="environment",
    )
    text = get(client, None, "innovation:match", q="lithium battery cycling test").content.decode()
    assert "动力电池测试实验室" in text and "水质检测中心" not in text


def test_the_voucher_desk_refuses_a_stranger(client, world):
    assert get(client, world.stranger, "innovation:vouchers").status_code == 403


def test_a_firm_redeems_from_its_desk_and_sees_only_its_own(client, world):
    voucher = f.voucher(f.programme("320000"), world.js_firm)
    booking = f.used_booking(f.instrument(world.sh_lab), world.js_firm)
    other = f.voucher(f.programme("330000"), world.zj_firm)
    page = get(client, world.js_firm_user, "innovation:vouchers").content.decode()
    assert voucher.number in page and other.number not in page
    client.post(
        reverse("innovation:redeem"), {"voucher": voucher.number, "booking": booking.number, "idempotency_key": "x1"}
    )
    assert Redemption.objects.get().voucher == voucher


def test_a_refused_redemption_says_why_and_writes_nothing(client, world):
    voucher = f.voucher(f.programme("320000"), world.js_firm)
    booking = f.booking(f.instrument(world.sh_lab), world.js_firm)  # approved, never used
    client.force_login(world.js_firm_user)
    page = client.post(
        reverse("innovation:redeem"), {"voucher": voucher.number, "booking": booking.number}, follow=True
    )
    assert "no usage record" in page.content.decode() and not Redemption.objects.exists()


def test_a_provider_approves_from_its_desk_and_another_lab_cannot(client, world):
    sem = f.instrument(world.sh_lab)
    booking = f.booking(sem, world.js_firm, days=3, approve=False)
    client.force_login(world.hf_provider)
    assert client.post(reverse("innovation:decide", args=[booking.number]), {"decision": "approve"}).status_code == 404
    client.force_login(world.sh_provider)
    client.post(reverse("innovation:decide", args=[booking.number]), {"decision": "approve"})
    booking.refresh_from_db()
    assert booking.state == "approved"


def test_a_province_downloads_its_settlement_and_a_firm_cannot(client, world):
    voucher = f.voucher(f.programme("320000"), world.js_firm, "900")
    writes.voucher_redeem(
        acting_user=SYSTEM,
        voucher=voucher,
        booking=f.used_booking(f.instrument(world.sh_lab, price="100"), world.js_firm),
    )
    today = timezone.localdate()
    quarter = (today.month - 1) // 3 + 1
    url = reverse("innovation:settlement-csv", args=[today.year, quarter])
    client.force_login(world.js_officer)
    body = client.get(url).content.decode("utf-8-sig")
    assert "Jiangsu,Shanghai,1,200.00" in body and body.strip().endswith("Total,,1,200.00")
    client.force_login(world.js_firm_user)
    assert client.get(url).status_code == 403


def test_the_fund_desk_refuses_a_stranger_and_shows_a_reviewer_only_its_proposals(client, world):
    assert get(client, world.stranger, "innovation:fund").status_code == 403


def test_a_firm_requests_time_from_the_catalogue_and_an_overlap_is_named(client, world):
    sem = f.instrument(world.sh_lab, code="SEM-9")
    client.force_login(world.js_firm_user)
    day = f.at(4).date().isoformat()
    form = {
        "instrument": "SEM-9",
        "firm": world.js_firm.pk,
        "day": day,
        "start": "10:00",
        "hours": "2",
        "purpose": "表征",
    }
    client.post(reverse("innovation:book"), dict(form, idempotency_key="k1"))
    page = client.post(reverse("innovation:book"), dict(form, start="11:00", idempotency_key="k2"), follow=True)
    assert "already booked" in page.content.decode()
    assert sem.bookings.count() == 1


def test_a_firm_cannot_book_for_a_firm_it_does_not_act_for(client, world):
    f.instrument(world.sh_lab, code="SEM-9")
    client.force_login(world.zj_firm_user)
    form = {"instrument": "SEM-9", "firm": world.js_firm.pk, "day": f.at(4).date().isoformat(), "start": "10:00",
            "hours": "2", "purpose": "x"}  # fmt: skip
    assert client.post(reverse("innovation:book"), form).status_code == 404


def test_an_officer_issues_a_voucher_from_the_desk(client, world):
    programme = f.programme("320000")
    client.force_login(world.js_officer)
    client.post(
        reverse("innovation:issue"), {"programme": programme.pk, "firm_uscc": world.js_firm.uscc, "amount": "800"}
    )
    assert [v.amount_cny for v in programme.vouchers.all()] == [800]


def test_an_applicant_submits_a_proposal_from_the_fund_desk(client, world):
    today = timezone.localdate()
    writes.call_open(
        acting_user=SYSTEM,
        data=writes.CallInput(
            code="JF-P",
            title_zh="基金",
            title_en="Fund",
            topics="材料",
            budget_cny=Decimal("500000"),
            opens_on=today - timedelta(days=1),
            closes_on=today + timedelta(days=30),
        ),
    )
    client.force_login(world.js_firm_user)
    assert "proposal-form" in client.get(reverse("innovation:fund")).content.decode()
    form = {"call": "JF-P", "lead": world.js_firm.pk, "title": "新材料", "abstract": "摘要", "keywords": "材料",
            "requested": "900000", "idempotency_key": "p1"}  # fmt: skip
    page = client.post(reverse("innovation:submit"), form, follow=True)
    assert "More than the call" in page.content.decode() and not Proposal.objects.exists()
    client.post(reverse("innovation:submit"), dict(form, requested="90000", idempotency_key="p2"))
    assert Proposal.objects.get().lead == world.js_firm
