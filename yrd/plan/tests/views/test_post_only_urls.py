"""The URLs that take a form's POST send a GET (reload, language switch) to their page."""

from django.urls import reverse

from yrd.plan.tests.factories import ReportFactory


def test_a_get_of_the_report_url_goes_to_the_task_page(client, people, tasks):
    client.force_login(people.owner)
    response = client.get(reverse("plan:report-submit", args=[tasks.shanghai.pk]))
    assert response.status_code == 302
    assert response["Location"] == reverse("plan:task", args=[tasks.shanghai.pk])


def test_the_page_of_a_refused_report_can_switch_language(client, people, tasks):
    client.force_login(people.owner)
    url = reverse("plan:report-submit", args=[tasks.shanghai.pk])
    assert client.post(url, {"percent": "40"}).status_code == 400
    switched = client.post(reverse("set_language"), {"language": "zh-hans", "next": url}, follow=True)
    assert switched.status_code == 200
    assert switched.redirect_chain[-1][0] == reverse("plan:task", args=[tasks.shanghai.pk])


def test_a_get_of_the_review_url_goes_to_the_task_page(client, people, tasks):
    report = ReportFactory(task=tasks.shanghai)
    client.force_login(people.region)
    response = client.get(reverse("plan:report-review", args=[report.pk]))
    assert response["Location"] == reverse("plan:task", args=[tasks.shanghai.pk])


def test_a_get_of_the_review_url_of_an_invisible_report_is_not_found(client, people, tasks):
    report = ReportFactory(task=tasks.shanghai)
    client.force_login(people.jiangsu)
    assert client.get(reverse("plan:report-review", args=[report.pk])).status_code == 404


def test_a_get_of_the_bulk_url_goes_to_the_task_list(client, people, tasks):
    client.force_login(people.region)
    response = client.get(reverse("plan:bulk"))
    assert response["Location"] == reverse("plan:tasks")
    assert client.put(reverse("plan:bulk")).status_code == 405
