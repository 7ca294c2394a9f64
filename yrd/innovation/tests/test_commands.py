import csv
import io

from django.core.management import call_command
from django.utils import timezone

from yrd.core.actors import SYSTEM
from yrd.innovation import writes
from yrd.innovation.tests import factories as f


def test_the_settlement_command_writes_the_statement(world, tmp_path):
    voucher = f.voucher(f.programme("320000"), world.js_firm, "900")
    writes.voucher_redeem(
        acting_user=SYSTEM,
        voucher=voucher,
        booking=f.used_booking(f.instrument(world.hf_lab, price="150"), world.js_firm),
    )
    today = timezone.localdate()
    out = tmp_path / "s.csv"
    printed = io.StringIO()
    call_command("innovation_settlement", today.year, (today.month - 1) // 3 + 1, out=str(out), stdout=printed)
    assert "1 province pairs, 1 redemptions, 300.00 CNY." in printed.getvalue()
    rows = list(csv.reader(out.read_text(encoding="utf-8-sig").splitlines()))
    assert rows == [["debtor", "creditor", "redemptions", "amount_cny"], ["320000", "340000", "1", "300.00"]]
