"""What the overview, attention list, map and timeline show."""

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from yrd.plan.status import Status
from yrd.plan.tests.factories import MilestoneFactory, ReportFactory, TaskFactory


def test_the_overview_counts_tasks_per_status_and_draws_its_charts(client, people, tasks):
    today = timezone.localdate()
    MilestoneFactory(task=tasks.jiangsu, due_date=today - timedelta(days=3))
    ReportFactory(task=tasks.zhejiang, percent=100)
    client.force_login(people.region)
    page = client.get(reverse("plan:overview"))
    statuses = page.context["summary"]["statuses"]
    assert statuses[Status.MILESTONE_OVERDUE] >= 1 and statuses[Status.DONE] == 1  # was OVERDUE (issue 6)
    text = page.content.decode()
    for chart in ("chart-progress", "chart-status", "chart-pie"):
        assert f'id="{chart}"' in text and f'data-echarts="{chart}"' in text
    assert page.context["pie_chart"]["series"][0]["type"] == "pie"


def test_the_attention_list_puts_the_most_overdue_first_with_its_milestones(client, people, plan):
    today = timezone.localdate()
    a_bit = TaskFactory(
        code="1.10",
        leads=["320000"],
        start=today - timedelta(days=400),
        end=today + timedelta(days=400),
    )
    MilestoneFactory(task=a_bit, due_date=today - timedelta(days=5), title_en="Design approved")
    very = TaskFactory(
        code="1.11",
        leads=["320000"],
        start=today - timedelta(days=400),
        end=today + timedelta(days=400),
    )
    MilestoneFactory(task=very, due_date=today - timedelta(days=90), title_en="Site acquired")
    MilestoneFactory(task=very, due_date=today - timedelta(days=10), title_en="Permits issued")
    lagging = TaskFactory(
        code="1.12",
        leads=["320000"],
        start=today - timedelta(days=400),
        end=today + timedelta(days=40),
    )
    ReportFactory(task=lagging, percent=10)
    TaskFactory(
        code="1.13",
        leads=["320000"],
        start=today + timedelta(days=10),
        end=today + timedelta(days=400),
    )
    client.force_login(people.jiangsu)
    page = client.get(reverse("plan:attention"), HTTP_ACCEPT_LANGUAGE="en")
    rows = page.context["rows"]
    assert [t.code for t in rows] == ["1.11", "1.10", "1.12"]
    assert [t.days_overdue for t in rows] == [90, 5, 0]
    assert [m.title for m in rows[0].overdue] == ["Site acquired", "Permits issued"]
    assert "Site acquired" in page.content.decode()


def test_the_heatmap_cells_hold_the_task_count_and_average_percent(client, people, tasks):
    ReportFactory(task=tasks.jiangsu, percent=60)
    client.force_login(people.region)
    page = client.get(reverse("plan:heatmap"))
    data = page.context["heatmap_chart"]["series"][0]["data"]
    provinces = [p.code for p in page.context["provinces"]]
    cells = {(d["value"][1], provinces[d["value"][0]]): (d["label"]["formatter"], d["value"][2]) for d in data}
    assert cells[(0, "320000")] == ("1", 60.0)  # area 1 x Jiangsu: task 1.01
    assert cells[(0, "330000")] == ("1", 0.0)  # area 1 x Zhejiang: task 1.02
    map_series = page.context["map_chart"]["series"][0]
    assert map_series["map"] == "yrd" and map_series["nameProperty"] == "adcode"
    assert len(map_series["nameMap"]) == 41
    assert 'data-map-name="yrd"' in page.content.decode()


def test_the_timeline_groups_tasks_by_area_with_milestones(client, people, tasks):
    MilestoneFactory(task=tasks.jiangsu)
    client.force_login(people.region)
    groups = client.get(reverse("plan:gantt")).context["groups"]
    assert [g["area"].number for g in groups] == [1, 2, 3, 4]
    area_one = groups[0]["chart"]
    assert area_one["yAxis"]["data"][0].startswith("1.01")
    assert sum(len(s["data"]) for s in area_one["series"] if s["type"] == "scatter") == 1


def test_the_task_list_filters(client, people, tasks):
    ReportFactory(task=tasks.jiangsu, percent=100)
    ReportFactory(task=tasks.shanghai, percent=100)
    client.force_login(people.region)

    def codes(query):
        return {t.code for t in client.get(reverse("plan:tasks") + query).context["rows"]}

    assert codes("?area=3") == {"3.01", "3.02"}
    assert codes("?jurisdiction=320000") == {"1.01", "2.01", "4.01"}
    assert codes("?jurisdiction=320100") == {"2.01"}
    assert codes("?q=Task+1.0") == {"1.01", "1.02"}
    assert codes("?status=done") == {"1.01", "3.01"}
    assert codes("?status=done&area=1") == {"1.01"}
    assert codes("?area=none") == set()
    assert codes("?area=nonsense") == {"1.01", "1.02", "2.01", "3.01", "3.02", "4.01"}


def test_the_task_page_marks_demo_details_and_demo_reports(client, people, tasks):
    tasks.jiangsu.demo_details = True
    tasks.jiangsu.save()
    ReportFactory(task=tasks.jiangsu, is_demo=True)
    client.force_login(people.region)
    text = client.get(reverse("plan:task", args=[tasks.jiangsu.pk]), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "demo values, not official" in text
    assert text.count('class="demo"') >= 2
