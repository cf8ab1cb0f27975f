"""The webhook URL policy against an SSRF corpus: what may be saved and called, and what not."""

from __future__ import annotations

import pytest

from notify.webhook_url import (
    MAX_WEBHOOK_URL_LENGTH,
    UrlRefusal,
    WebhookPolicy,
    WebhookUrlRefused,
    check_webhook_url,
    redact_webhook_url,
)

TEAMS_ONLY = WebhookPolicy()
WITH_EXTRAS = WebhookPolicy(extra_hosts=("hooks.example.org", "*.hooks.example.net"))
LOOPBACK_TESTS = WebhookPolicy(allow_loopback_for_tests=True)

WORKFLOW = (
    "https://prod-12.westus.logic.azure.com:443/workflows/0a1b2c/triggers/manual/paths/invoke"
    "?api-version=2016-06-01&sp=%2Ftriggers%2Fmanual%2Frun&sv=1.0&sig=Zx9-_secretSig"
)
POWER_PLATFORM = (
    "https://default0123456789abcdef0123456789abcd.ef.environment.api.powerplatform.com:443"
    "/powerautomate/automations/direct/workflows/0123/triggers/manual/paths/invoke"
    "?api-version=1&sp=%2Ftriggers%2Fmanual%2Frun&sv=1.0&sig=secretSig"
)
CONNECTOR = (
    "https://contoso.webhook.office.com/webhookb2/1111-aaaa@2222-bbbb/IncomingWebhook"
    "/3333cccc/4444-dddd/V2secretToken"
)
OLD_CONNECTOR = "https://outlook.office.com/webhook/1111@2222/IncomingWebhook/3333/4444"

ALLOWED: list[tuple[str, WebhookPolicy, str]] = [
    (
        WORKFLOW,
        TEAMS_ONLY,
        WORKFLOW.replace(":443/", "/"),
    ),
    (POWER_PLATFORM, TEAMS_ONLY, POWER_PLATFORM.replace(":443/", "/")),
    (CONNECTOR, TEAMS_ONLY, CONNECTOR),
    (OLD_CONNECTOR, TEAMS_ONLY, OLD_CONNECTOR),
    (
        "HTTPS://PROD-01.WestEurope.Logic.Azure.COM/workflows/x",
        TEAMS_ONLY,
        "https://prod-01.westeurope.logic.azure.com/workflows/x",
    ),
    ("https://outlook.office.com./webhook/x", TEAMS_ONLY, "https://outlook.office.com/webhook/x"),
    (
        "  https://outlook.office.com/webhook/x\n",
        TEAMS_ONLY,
        "https://outlook.office.com/webhook/x",
    ),
    (
        "https://ｏｕｔｌｏｏｋ.office.com/webhook/x",
        TEAMS_ONLY,
        "https://outlook.office.com/webhook/x",
    ),
    ("https://outlook.office.com?x=1", TEAMS_ONLY, "https://outlook.office.com/?x=1"),
    ("https://hooks.example.org/in/abc", WITH_EXTRAS, "https://hooks.example.org/in/abc"),
    ("https://a.b.hooks.example.net/in", WITH_EXTRAS, "https://a.b.hooks.example.net/in"),
    ("http://127.0.0.1:8080/hook", LOOPBACK_TESTS, "http://127.0.0.1:8080/hook"),
    ("http://localhost:9/hook", LOOPBACK_TESTS, "http://localhost:9/hook"),
    ("http://[::1]:8080/hook", LOOPBACK_TESTS, "http://[::1]:8080/hook"),
]

R = UrlRefusal
REFUSED: list[tuple[str, WebhookPolicy, UrlRefusal]] = [
    # userinfo and parser-confusion tricks
    ("https://outlook.office.com@evil.com/", TEAMS_ONLY, R.USERINFO),
    ("https://user:pass@outlook.office.com/webhook/x", TEAMS_ONLY, R.USERINFO),
    ("https://outlook.office.com:443@evil.com/", TEAMS_ONLY, R.USERINFO),
    ("https://evil.com\\@outlook.office.com/", TEAMS_ONLY, R.MALFORMED),
    ("https://outlook.office.com\\.evil.com/", TEAMS_ONLY, R.MALFORMED),
    ("https://evil.com#@outlook.office.com/", TEAMS_ONLY, R.FRAGMENT),
    ("https://evil.com?@outlook.office.com/", TEAMS_ONLY, R.HOST_NOT_ALLOWED),
    ("https://evil.com/outlook.office.com", TEAMS_ONLY, R.HOST_NOT_ALLOWED),
    ("https://outlook%2eoffice.com/", TEAMS_ONLY, R.INVALID_HOST),
    ("https://evil.com%2F.outlook.office.com/", TEAMS_ONLY, R.INVALID_HOST),
    # lookalike hosts
    ("https://logic.azure.com.evil.com/x", TEAMS_ONLY, R.HOST_NOT_ALLOWED),
    ("https://evil-logic.azure.com/x", TEAMS_ONLY, R.HOST_NOT_ALLOWED),
    ("https://logic.azure.com/x", TEAMS_ONLY, R.HOST_NOT_ALLOWED),
    ("https://webhook.office.com/x", TEAMS_ONLY, R.HOST_NOT_ALLOWED),
    ("https://outlook.office.com.evil.com/", TEAMS_ONLY, R.HOST_NOT_ALLOWED),
    ("https://xoutlook.office.com/", TEAMS_ONLY, R.HOST_NOT_ALLOWED),
    ("https://sub.outlook.office.com/", TEAMS_ONLY, R.HOST_NOT_ALLOWED),
    ("https://prod.logic.azure.co/x", TEAMS_ONLY, R.HOST_NOT_ALLOWED),
    ("https://hooks.example.org.evil.com/", WITH_EXTRAS, R.HOST_NOT_ALLOWED),
    ("https://hooks.example.net/", WITH_EXTRAS, R.HOST_NOT_ALLOWED),
    ("https://a.hooks.example.org/", WITH_EXTRAS, R.HOST_NOT_ALLOWED),
    # unicode and IDNA homoglyphs
    ("https://x.lоgic.azure.com/", TEAMS_ONLY, R.HOST_NOT_ALLOWED),  # Cyrillic o
    ("https://outlook.office.cοm/", TEAMS_ONLY, R.HOST_NOT_ALLOWED),  # Greek omicron
    ("https://outlook.office.com\u3002evil.com/", TEAMS_ONLY, R.HOST_NOT_ALLOWED),
    ("https://evil.com\uff0f.outlook.office.com/", TEAMS_ONLY, R.INVALID_HOST),
    ("https://evil.com\uff03.outlook.office.com/", TEAMS_ONLY, R.INVALID_HOST),
    ("https://outlook.office.com\u200b/", TEAMS_ONLY, R.INVISIBLE_CHARACTERS),
    ("https://\u202emoc.live/.outlook.office.com/", TEAMS_ONLY, R.INVISIBLE_CHARACTERS),
    ("https://outlook.office.com/\u00a0", TEAMS_ONLY, R.INVISIBLE_CHARACTERS),
    # IP addresses in every spelling
    ("https://127.0.0.1/", TEAMS_ONLY, R.IP_ADDRESS),
    ("https://2130706433/", TEAMS_ONLY, R.IP_ADDRESS),
    ("http://2130706433/", TEAMS_ONLY, R.NOT_HTTPS),
    ("https://0177.0.0.1/", TEAMS_ONLY, R.IP_ADDRESS),
    ("https://0x7f.1/", TEAMS_ONLY, R.IP_ADDRESS),
    ("https://0x7f000001/", TEAMS_ONLY, R.IP_ADDRESS),
    ("https://127.1/", TEAMS_ONLY, R.IP_ADDRESS),
    ("https://169.254.169.254/latest/meta-data/", TEAMS_ONLY, R.IP_ADDRESS),
    ("https://10.0.0.1/", TEAMS_ONLY, R.IP_ADDRESS),
    ("https://8.8.8.8/", TEAMS_ONLY, R.IP_ADDRESS),
    ("https://1.2.3.4.5/", TEAMS_ONLY, R.IP_ADDRESS),
    ("https://outlook.office.0x1/", TEAMS_ONLY, R.IP_ADDRESS),
    ("https://[::1]/", TEAMS_ONLY, R.IP_ADDRESS),
    ("https://[::ffff:127.0.0.1]/", TEAMS_ONLY, R.IP_ADDRESS),
    ("https://[0:0:0:0:0:ffff:7f00:1]/", TEAMS_ONLY, R.IP_ADDRESS),
    ("https://[fe80::1%25eth0]/", TEAMS_ONLY, R.IP_ADDRESS),
    ("https://[2620:1ec:4::1]:443/", TEAMS_ONLY, R.IP_ADDRESS),
    ("https://::1/", TEAMS_ONLY, R.IP_ADDRESS),
    ("https://[outlook.office.com]/", TEAMS_ONLY, R.MALFORMED),
    # schemes
    ("http://outlook.office.com/webhook/x", TEAMS_ONLY, R.NOT_HTTPS),
    ("ftp://outlook.office.com/webhook/x", TEAMS_ONLY, R.NOT_HTTPS),
    ("wss://outlook.office.com/webhook/x", TEAMS_ONLY, R.NOT_HTTPS),
    ("//outlook.office.com/webhook/x", TEAMS_ONLY, R.MALFORMED),
    ("outlook.office.com/webhook/x", TEAMS_ONLY, R.MALFORMED),
    ("https:/outlook.office.com/x", TEAMS_ONLY, R.MALFORMED),
    ("https:///outlook.office.com/x", TEAMS_ONLY, R.MALFORMED),
    ("javascript:alert(1)//outlook.office.com/", TEAMS_ONLY, R.MALFORMED),
    ("file:///etc/passwd", TEAMS_ONLY, R.MALFORMED),
    # ports
    ("https://outlook.office.com:8443/webhook/x", TEAMS_ONLY, R.PORT_NOT_ALLOWED),
    ("https://outlook.office.com:80/webhook/x", TEAMS_ONLY, R.PORT_NOT_ALLOWED),
    ("https://outlook.office.com:0/webhook/x", TEAMS_ONLY, R.MALFORMED),
    ("https://outlook.office.com:99999/webhook/x", TEAMS_ONLY, R.MALFORMED),
    ("https://outlook.office.com:/webhook/x", TEAMS_ONLY, R.MALFORMED),
    ("https://outlook.office.com:+443/webhook/x", TEAMS_ONLY, R.MALFORMED),
    ("https://outlook.office.com:443:443/webhook/x", TEAMS_ONLY, R.MALFORMED),
    # whitespace, control characters, length
    ("", TEAMS_ONLY, R.EMPTY),
    ("  \n", TEAMS_ONLY, R.EMPTY),
    ("https://outlook.office.com/" + "a" * MAX_WEBHOOK_URL_LENGTH, TEAMS_ONLY, R.TOO_LONG),
    ("https://outlook.office.com/web hook", TEAMS_ONLY, R.INVISIBLE_CHARACTERS),
    ("https://outlook.office.com/webhook\n/x", TEAMS_ONLY, R.INVISIBLE_CHARACTERS),
    ("https://outlook.office.com\t.evil.com/", TEAMS_ONLY, R.INVISIBLE_CHARACTERS),
    ("https://outlook.office.com/\x00", TEAMS_ONLY, R.INVISIBLE_CHARACTERS),
    ("\x00https://outlook.office.com/", TEAMS_ONLY, R.INVISIBLE_CHARACTERS),
    ("https://outlook.office.com/\r\nX-Injected: 1", TEAMS_ONLY, R.INVISIBLE_CHARACTERS),
    # fragments, path characters, host syntax
    ("https://outlook.office.com/webhook/x#frag", TEAMS_ONLY, R.FRAGMENT),
    ("https://outlook.office.com/webhook/<script>", TEAMS_ONLY, R.MALFORMED),
    ("https://outlook.office.com/webhook/%zz", TEAMS_ONLY, R.MALFORMED),
    ("https://outlook.office.com/webhook/ü", TEAMS_ONLY, R.MALFORMED),
    ("https://outlook.office.com/webhook/[x]", TEAMS_ONLY, R.MALFORMED),
    ("https://-evil.logic.azure.com/", TEAMS_ONLY, R.INVALID_HOST),
    ("https://a..logic.azure.com/", TEAMS_ONLY, R.INVALID_HOST),
    ("https://evil_host.logic.azure.com/", TEAMS_ONLY, R.INVALID_HOST),
    ("https://" + "a" * 64 + ".logic.azure.com/", TEAMS_ONLY, R.INVALID_HOST),
    ("https://outlook.office.com../", TEAMS_ONLY, R.INVALID_HOST),
    # loopback stays refused without the test flag, and the flag loosens nothing else
    ("http://127.0.0.1:8080/hook", TEAMS_ONLY, R.NOT_HTTPS),
    ("https://localhost/hook", TEAMS_ONLY, R.HOST_NOT_ALLOWED),
    ("http://localhost:8080/hook", TEAMS_ONLY, R.NOT_HTTPS),
    ("http://10.0.0.1:8080/hook", LOOPBACK_TESTS, R.NOT_HTTPS),
    ("https://10.0.0.1/hook", LOOPBACK_TESTS, R.IP_ADDRESS),
    ("https://127.0.0.2/hook", LOOPBACK_TESTS, R.IP_ADDRESS),
    ("http://[::ffff:127.0.0.1]:80/hook", LOOPBACK_TESTS, R.NOT_HTTPS),
    ("http://evil.com/hook", LOOPBACK_TESTS, R.NOT_HTTPS),
    ("https://evil.com/hook", LOOPBACK_TESTS, R.HOST_NOT_ALLOWED),
    ("https://outlook.office.com:8443/hook", LOOPBACK_TESTS, R.PORT_NOT_ALLOWED),
]


@pytest.mark.parametrize(("url", "policy", "canonical"), ALLOWED)
def test_a_teams_webhook_url_is_accepted_in_canonical_form(
    url: str, policy: WebhookPolicy, canonical: str
) -> None:
    assert check_webhook_url(url, policy=policy).url == canonical


@pytest.mark.parametrize(("url", "policy", "reason"), REFUSED)
def test_a_dangerous_or_foreign_url_is_refused_with_its_reason(
    url: str, policy: WebhookPolicy, reason: UrlRefusal
) -> None:
    with pytest.raises(WebhookUrlRefused) as refusal:
        check_webhook_url(url, policy=policy)
    assert refusal.value.reason is reason
    assert str(refusal.value) == refusal.value.message


def test_the_corpus_has_at_least_forty_cases() -> None:
    assert len(ALLOWED) + len(REFUSED) >= 40


def test_every_canonical_url_is_accepted_again_unchanged() -> None:
    for url, policy, canonical in ALLOWED:
        assert check_webhook_url(canonical, policy=policy).url == canonical, url


def test_a_url_at_the_length_cap_is_accepted() -> None:
    prefix = "https://outlook.office.com/"
    url = prefix + "a" * (MAX_WEBHOOK_URL_LENGTH - len(prefix))
    assert check_webhook_url(url, policy=TEAMS_ONLY).url == url


def test_a_refusal_message_names_the_host_but_not_the_secret() -> None:
    with pytest.raises(WebhookUrlRefused) as refusal:
        check_webhook_url("https://evil.example/hook?sig=TOPSECRET", policy=TEAMS_ONLY)
    assert "evil.example is not an allowed webhook host" in refusal.value.message
    assert "TOPSECRET" not in refusal.value.message


def test_a_refusal_is_a_value_error() -> None:
    assert issubclass(WebhookUrlRefused, ValueError)


def test_the_checked_url_reports_host_port_and_scheme() -> None:
    checked = check_webhook_url(WORKFLOW, policy=TEAMS_ONLY)
    assert (checked.scheme, checked.host, checked.port) == (
        "https",
        "prod-12.westus.logic.azure.com",
        443,
    )


def test_the_checked_url_keeps_its_secret_out_of_repr() -> None:
    checked = check_webhook_url(WORKFLOW, policy=TEAMS_ONLY)
    assert "secretSig" not in repr(checked)
    assert "secretSig" not in str(checked)
    assert "secretSig" not in checked.redacted


def test_extra_hosts_are_normalised_when_the_policy_is_built() -> None:
    policy = WebhookPolicy(extra_hosts=("Hooks.Example.ORG.", "*.Relay.Example.NET"))
    assert policy.extra_hosts == ("hooks.example.org", "*.relay.example.net")


@pytest.mark.parametrize(
    "entry", ["*", "*.com", "127.0.0.1", "bad host", "*.*.example.com", "", "ex_ample.com"]
)
def test_a_broad_or_invalid_extra_host_fails_when_the_policy_is_built(entry: str) -> None:
    with pytest.raises(ValueError):
        WebhookPolicy(extra_hosts=(entry,))


def test_extra_hosts_given_as_one_string_are_refused() -> None:
    with pytest.raises(TypeError):
        WebhookPolicy(extra_hosts="hooks.example.org")  # type: ignore[arg-type]


@pytest.mark.parametrize("truthy_text", ["false", "0", "1", "yes"])
def test_the_loopback_flag_cannot_be_switched_on_by_an_environment_string(
    truthy_text: str,
) -> None:
    with pytest.raises(TypeError):
        WebhookPolicy(allow_loopback_for_tests=truthy_text)  # type: ignore[arg-type]


def test_the_loopback_flag_is_off_by_default() -> None:
    assert WebhookPolicy().allow_loopback_for_tests is False


def test_a_workflows_url_is_redacted_to_host_and_query_names() -> None:
    assert redact_webhook_url(WORKFLOW) == (
        "https://prod-12.westus.logic.azure.com:443/workflows/…"
        "?api-version=2016-06-01&sp=…&sv=…&sig=…"
    )


def test_a_legacy_connector_url_is_redacted_to_its_first_path_segment() -> None:
    assert redact_webhook_url(CONNECTOR) == "https://contoso.webhook.office.com/webhookb2/…"


def test_redaction_drops_userinfo_and_fragments() -> None:
    shown = redact_webhook_url("https://me:pw@outlook.office.com/webhook/x#token")
    assert shown == "https://outlook.office.com/webhook/…"


def test_redaction_never_fails_on_garbage() -> None:
    assert redact_webhook_url("not a url \x00") == "<unparseable webhook URL>"
    assert redact_webhook_url("https://") == "https:///"


def test_redaction_hides_a_lone_path_or_query_token_that_could_be_the_secret() -> None:
    shown = redact_webhook_url(
        "https://x.webhook.office.com/0123456789abcdef0123456789?tok3nTok3nTok3nTok3nTok3n"
    )
    assert shown == "https://x.webhook.office.com/…?…"
