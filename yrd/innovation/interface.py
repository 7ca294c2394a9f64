"""What other modules may use of the innovation module: the published figures, as plain values."""

from yrd.innovation import stats


def figures() -> dict[str, object]:
    return {
        "instruments_shared": stats.instruments_shared(),
        "vouchers_redeemed_cross_province": stats.vouchers_redeemed_cross_province(),
        "joint_fund_projects": stats.joint_fund_projects(),
        "cooperation_by_stage": stats.cooperation_by_stage(),
    }
