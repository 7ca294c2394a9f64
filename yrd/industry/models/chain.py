"""The NEV industry chain: a component taxonomy with its bill of materials, the enterprises of the
chain (each one of the core's organisations, in one of the 41 cities), what they can make per year,
and who supplies what to whom.

Who may act follows the enterprise: its own people (role scoped to its organisation) keep its
capacities and the relations where it is the customer or the supplier; officials of its province
review and read them. A relation has two sides; `relation_scopes` names both."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from yrd.core.access import Scope
from yrd.core.personal import Kind
from yrd.core.translation import Bilingual


class Tier(models.TextChoices):
    OEM = "oem", _("Vehicle maker (OEM)")
    TIER1 = "tier1", _("Tier 1 (packs, motors, controls)")
    TIER2 = "tier2", _("Tier 2 (cells, chips)")
    MATERIAL = "material", _("Materials (lithium, cathode)")


class Component(Bilingual, models.Model):
    not_personal = {
        "name_zh": "a vehicle component's name",
        "name_en": "a vehicle component's name",
    }

    code = models.SlugField(_("code"), max_length=40, unique=True)
    name_zh = models.CharField(_("name (Chinese)"), max_length=60)
    name_en = models.CharField(_("name (English)"), max_length=80)
    tier = models.CharField(_("tier"), max_length=10, choices=Tier.choices)
    unit = models.CharField(_("unit"), max_length=20, default="pcs")

    class Meta:
        ordering = ["tier", "code"]
        verbose_name = _("component")
        verbose_name_plural = _("components")

    def __str__(self):
        return self.name


class BomLine(models.Model):
    """`quantity` units of `part` go into one unit of `product`."""

    product = models.ForeignKey(Component, on_delete=models.CASCADE, related_name="bom", verbose_name=_("product"))
    part = models.ForeignKey(Component, on_delete=models.PROTECT, related_name="used_in", verbose_name=_("part"))
    quantity = models.DecimalField(_("quantity per unit"), max_digits=12, decimal_places=4)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["product", "part"], name="industry_bom_unique")]
        verbose_name = _("bill-of-materials line")
        verbose_name_plural = _("bill-of-materials lines")

    def __str__(self):
        return f"{self.product_id} <- {self.quantity} × {self.part_id}"


class Enterprise(models.Model):
    organisation = models.OneToOneField(
        "core.Organisation",
        on_delete=models.PROTECT,
        related_name="industry_enterprise",
        verbose_name=_("organisation"),
    )
    city = models.ForeignKey(
        "core.Jurisdiction", on_delete=models.PROTECT, related_name="industry_enterprises", verbose_name=_("city")
    )
    tier = models.CharField(_("role in the chain"), max_length=10, choices=Tier.choices)
    certifications = models.CharField(
        _("certifications"), max_length=200, blank=True, help_text=_("e.g. IATF 16949; ISO 26262, separated by ;")
    )
    is_demo = models.BooleanField(_("demo data"), default=False)

    class Meta:
        ordering = ["city__path", "organisation__name_zh"]
        verbose_name = _("enterprise")
        verbose_name_plural = _("enterprises")

    def __str__(self):
        return self.organisation.name

    @property
    def name(self):
        return self.organisation.name

    def access_scope(self):
        return [self.city], [self.organisation]

    def certification_list(self) -> list[str]:
        return [c.strip() for c in self.certifications.replace("；", ";").split(";") if c.strip()]


class Capacity(models.Model):
    """What an enterprise can make of a component per year (commercially sensitive)."""

    enterprise = models.ForeignKey(Enterprise, on_delete=models.CASCADE, related_name="capacities")
    component = models.ForeignKey(Component, on_delete=models.PROTECT, related_name="capacities")
    annual_units = models.DecimalField(_("capacity per year"), max_digits=14, decimal_places=2)
    is_demo = models.BooleanField(_("demo data"), default=False)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["enterprise", "component"], name="industry_capacity_unique")]
        verbose_name = _("capacity")
        verbose_name_plural = _("capacities")

    def __str__(self):
        return f"{self.enterprise_id}: {self.component_id}"

    def access_scope(self):
        return self.enterprise.access_scope()


class SupplyRelation(models.Model):
    """`supplier` delivers `component` to `customer`: `share_pct` of the customer's need of it, with a
    lead time, and the customer holds `inventory_days` of it in stock. Shares and inventories are
    commercially sensitive."""

    supplier = models.ForeignKey(Enterprise, on_delete=models.CASCADE, related_name="sales")
    customer = models.ForeignKey(Enterprise, on_delete=models.CASCADE, related_name="purchases")
    component = models.ForeignKey(Component, on_delete=models.PROTECT, related_name="relations")
    share_pct = models.DecimalField(_("share of the customer's need (%)"), max_digits=5, decimal_places=2)
    lead_time_days = models.PositiveSmallIntegerField(_("lead time (days)"))
    inventory_days = models.DecimalField(_("customer's inventory (days)"), max_digits=6, decimal_places=1)
    reviewed_at = models.DateTimeField(_("reviewed at"), null=True, blank=True)
    reviewed_by = models.ForeignKey(
        "core.User", null=True, blank=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("reviewed by")
    )
    is_demo = models.BooleanField(_("demo data"), default=False)

    class Meta:
        ordering = ["customer_id", "component_id", "-share_pct"]
        constraints = [
            models.UniqueConstraint(fields=["supplier", "customer", "component"], name="industry_relation_unique")
        ]
        verbose_name = _("supply relation")
        verbose_name_plural = _("supply relations")

    def __str__(self):
        return f"{self.supplier_id} -> {self.customer_id}: {self.component_id}"

    def access_scope(self):
        return Scope(
            (self.supplier.city, self.customer.city), (self.supplier.organisation, self.customer.organisation)
        ).access_scope()


def relation_scopes(supplier: Enterprise, customer: Enterprise) -> tuple[Scope, Scope]:
    """The two sides of a relation: either enterprise's people may keep it, either province reviews."""
    return Scope((supplier.city,), (supplier.organisation,)), Scope((customer.city,), (customer.organisation,))


class Need(models.Model):
    """An OEM's posted need on the matching board (供需对接)."""

    personal_fields = {"note": Kind.FREE_TEXT}
    # the note in full (core.personal.reveal, audited): the posting enterprise and its province's officials
    reveal_actions = ("industry.match.post", "industry.chain.review")

    class State(models.TextChoices):
        OPEN = "open", _("open")
        MATCHED = "matched", _("matched")
        CLOSED = "closed", _("closed without a match")

    customer = models.ForeignKey(Enterprise, on_delete=models.CASCADE, related_name="needs")
    component = models.ForeignKey(Component, on_delete=models.PROTECT, related_name="needs")
    volume = models.DecimalField(_("volume per year"), max_digits=14, decimal_places=2)
    needed_by = models.DateField(_("needed by"))
    note = models.CharField(_("note"), max_length=500, blank=True)
    required_certification = models.CharField(_("required certification"), max_length=60, blank=True)
    state = models.CharField(_("state"), max_length=10, choices=State.choices, default=State.OPEN)
    posted_at = models.DateTimeField(_("posted at"))
    is_demo = models.BooleanField(_("demo data"), default=False)

    class Meta:
        ordering = ["-posted_at"]
        verbose_name = _("supply need")
        verbose_name_plural = _("supply needs")

    def __str__(self):
        return f"{self.customer_id}: {self.component_id}"

    def access_scope(self):
        return self.customer.access_scope()


class Contact(models.Model):
    """The OEM contacted a candidate supplier about a need; the outcome is recorded."""

    personal_fields = {"message": Kind.FREE_TEXT}
    not_personal = {
        "contacted_at": "when one enterprise contacted another about a need",
    }

    class Outcome(models.TextChoices):
        PENDING = "pending", _("pending")
        AGREED = "agreed", _("agreed")
        DECLINED = "declined", _("declined")

    need = models.ForeignKey(Need, on_delete=models.CASCADE, related_name="contacts")
    supplier = models.ForeignKey(Enterprise, on_delete=models.CASCADE, related_name="contacts")
    message = models.CharField(_("message"), max_length=1000)
    outcome = models.CharField(_("outcome"), max_length=10, choices=Outcome.choices, default=Outcome.PENDING)
    contacted_at = models.DateTimeField(_("contacted at"))
    is_demo = models.BooleanField(_("demo data"), default=False)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["need", "supplier"], name="industry_contact_unique")]
        ordering = ["contacted_at"]

    def __str__(self):
        return f"{self.need_id} -> {self.supplier_id}"

    def reveal_scopes(self):
        """The message in full (core.personal.reveal, audited): the enterprise that wrote it and the one
        it was written to, not the officials reading the board."""
        supplier_side, customer_side = relation_scopes(self.supplier, self.need.customer)
        return [("industry.match.post", customer_side), ("industry.match.post", supplier_side)]


class Scenario(models.Model):
    """A saved what-if: these enterprises (or every enterprise of these cities) stop for `days`."""

    not_personal = {
        "name": "a what-if scenario's title",
    }

    class Kind(models.TextChoices):
        ENTERPRISE = "enterprise", _("enterprises stop")
        CITY = "city", _("cities stop")

    name = models.CharField(_("name"), max_length=120)
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices)
    days = models.PositiveSmallIntegerField(_("days stopped"))
    enterprises = models.ManyToManyField(Enterprise, blank=True, related_name="+")
    cities = models.ManyToManyField("core.Jurisdiction", blank=True, related_name="+")
    result = models.JSONField(_("result"), default=dict, blank=True)
    created_at = models.DateTimeField(_("created at"))
    created_by = models.ForeignKey("core.User", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    jurisdiction = models.ForeignKey(
        "core.Jurisdiction", on_delete=models.PROTECT, related_name="+", verbose_name=_("saved for")
    )
    is_demo = models.BooleanField(_("demo data"), default=False)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("disruption scenario")
        verbose_name_plural = _("disruption scenarios")

    def __str__(self):
        return self.name

    def access_scope(self):
        return [self.jurisdiction], []
