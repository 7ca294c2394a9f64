"""Demo people are named in both scripts (issue 6: English pages showed Chinese-only role titles)."""

from yrd.core.demo import bilingual_name, demo_person


def test_a_chinese_role_title_becomes_a_name_in_both_scripts_stable_per_username():
    name = bilingual_name("coordinator_js", "江苏省规划协调员")
    zh, en = name.split(" ", 1)
    assert zh and en.isascii() and en[0].isupper()
    assert bilingual_name("coordinator_js", "江苏省规划协调员") == name


def test_a_name_already_in_both_scripts_is_kept():
    assert bilingual_name("window_sh", "陈静 Chen Jing") == "陈静 Chen Jing"


def test_demo_people_get_such_names(db):
    person = demo_person("someone", "平台管理员")
    assert any(c.isascii() and c.isalpha() for c in person.display_name)
