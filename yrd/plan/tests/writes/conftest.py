from yrd.plan.tests.factories import plan  # noqa: F401
