"""factory_boy factories for the accounts app; other apps' factories live beside their tests."""

import factory
from factory.django import DjangoModelFactory

from accounts.models import Membership, Organization, OrganizationKind, Role, User

PASSWORD = "correct-horse-battery-staple"


class UserFactory(DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    first_name = factory.Faker("first_name")
    last_name = factory.Faker("last_name")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.kz")
    language = "kk"
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def _save(obj, create, extracted, **kwargs):  # noqa: N805 - factory_boy hook
        if create:
            obj.save()


class OrganizationFactory(DjangoModelFactory):
    """Pass `parent=` to add a child; without it, a new root."""

    class Meta:
        model = Organization

    name_kk = factory.Sequence(lambda n: f"Ұйым {n}")
    name_ru = factory.Sequence(lambda n: f"Организация {n}")
    kind = OrganizationKind.PRIMARY
    bin = ""

    @classmethod
    def _create(cls, model_class, *args, parent=None, **kwargs):
        if parent is not None:
            return Organization.objects.add_child(Organization.objects.get(pk=parent.pk), kwargs)
        return Organization.objects.add_root(kwargs)


class MembershipFactory(DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    organization = factory.SubFactory(OrganizationFactory)
    role = Role.ADMINISTRATOR
