"""Staff correct the bot's understanding, and the bot learns from it.

- ``/report`` (``报告问题``) sent by staff as a reply to a resident's message files that
  message as an issue for the resident;
- ``/notissue N`` (``不是问题 N``) withdraws an issue filed from a message that was no report,
  with a polite note to the reporter;
- ``/recat N 类别`` (``改类别 N 类别``) changes an issue's category.

Each correction is stored as a labelled example (:mod:`storage.corrections`); ``linli learn``
retrains the community's model on them.

Sensitive messages (domestic violence, a child being hurt, self-harm) are answered here too:
privately to the sender with 110/120 advice, privately to the building's staff, never in the
group and never filed as a public issue.
"""

from __future__ import annotations

from dataclasses import replace

from bot.commands import CommandCall
from bot.config import Person
from bot.feature import Context
from bot.model import Incoming, Kind, Mention, Outgoing
from bot.understand import Understanding, understand_as_report
from handlers import correction_texts as ct
from handlers import issue_texts as t
from handlers.issue_commands import guarded, number_and_rest
from handlers.issue_flow import (
    ACK_TIMERS,
    FOLLOW_UP_TIMERS,
    cancel_timers,
    change,
    load_managed,
    refuse,
)
from storage.corrections import Correction
from storage.issues import IssueStatus


def sensitive(msg: Incoming, ctx: Context) -> list[Outgoing]:
    """Answer a sensitive message privately and tell the building's staff privately."""
    building = ctx.building
    staff: list[Person] = []
    if building is not None:
        staff = [*ctx.config.heads_of(building), *ctx.config.grid_workers_of(building)]
    if not staff:
        staff = list(ctx.config.admins())
    alert = ct.sensitive_to_staff(building, msg.sender_name, t.tidy(msg.text))
    outs = [Outgoing(msg.sender, Kind.SENSITIVE_ALERT, ct.SENSITIVE_TO_SENDER)]
    # No fallback chat: if a person cannot be reached privately, nothing goes to the group.
    outs += [
        Outgoing(p.id, Kind.SENSITIVE_ALERT, alert, mentions=(Mention(p.id, p.name),))
        for p in staff
        if p.id != msg.sender
    ]
    return outs


async def reported_reply(msg: Incoming, ctx: Context) -> tuple[Incoming, Understanding] | None:
    """The resident's message that staff's ``/report`` replies to, as the message to file
    and its understanding as a report; None when ``msg`` is no such reply.

    Raises :class:`handlers.issue_flow.Refused`-style replies through ``ReplyProblem``."""
    if msg.reply_to is None or not ctx.is_staff or not ctx.in_group:
        return None
    original = await ctx.store.inbox.find(msg.chat, msg.reply_to)
    if original is None or not original.text.strip():
        raise ReplyProblem(Outgoing(msg.chat, Kind.ERROR, ct.REPLY_NOT_FOUND))
    if original.sender in ctx.config.person_by_id:
        raise ReplyProblem(Outgoing(msg.chat, Kind.ERROR, ct.REPLY_NOT_A_RESIDENT))
    text = original.text
    u = understand_as_report(text, ctx.config.taxonomy)
    await ctx.store.corrections.add(
        Correction(
            text=text,
            intent="report",
            category=u.category,
            urgent=u.urgent,
            source="report_reply",
            issue=None,
            actor=msg.sender,
            at=ctx.now,
        )
    )
    # Filed for the resident: they are the reporter the group hears about.
    resident = replace(
        msg, sender=original.sender, sender_name=original.sender_name, text=original.text
    )
    return resident, u


class ReplyProblem(Exception):
    def __init__(self, reply: Outgoing) -> None:
        super().__init__(reply.text)
        self.reply = reply


@guarded
async def notissue(msg: Incoming, ctx: Context, call: CommandCall) -> list[Outgoing]:
    number, _ = number_and_rest(call)
    issue = await load_managed(ctx, msg, number)
    if issue.status in (IssueStatus.CLOSED, IssueStatus.REJECTED, IssueStatus.DUPLICATE):
        raise refuse(msg, issue, ct.NOTISSUE_STATE)
    issue = await change(ctx, issue, msg.sender, "notissue", IssueStatus.REJECTED, "不是问题")
    await cancel_timers(ctx, issue.number, ACK_TIMERS + FOLLOW_UP_TIMERS)
    await ctx.store.corrections.add(
        Correction(
            text=issue.text,
            intent="chat",
            category=None,
            urgent=False,
            source="notissue",
            issue=issue.number,
            actor=msg.sender,
            at=ctx.now,
        )
    )
    reporter = (Mention(issue.reporter, issue.reporter_name),)
    outs = [
        Outgoing(
            issue.chat,
            Kind.ISSUE_STATUS,
            ct.not_an_issue(issue),
            issue=issue.number,
            mentions=reporter,
        )
    ]
    if msg.chat != issue.chat:
        outs.append(
            Outgoing(msg.chat, Kind.COMMAND_REPLY, ct.not_an_issue_done(issue), issue=number)
        )
    return outs


@guarded
async def recat(msg: Incoming, ctx: Context, call: CommandCall) -> list[Outgoing]:
    number, rest = number_and_rest(call)
    issue = await load_managed(ctx, msg, number)
    word = rest.split()[0] if rest.split() else ""
    taxonomy = ctx.config.taxonomy
    if not word:
        raise refuse(msg, issue, ct.RECAT_USAGE)
    code = next(
        (c.code for c in taxonomy.categories if word in (c.code, c.label)),
        None,
    )
    if code is None:
        labels = [c.label for c in taxonomy.categories]
        raise refuse(msg, issue, ct.unknown_category(word, labels))
    await ctx.store.issues.update(issue.number, ctx.now, category=code)
    await ctx.store.issues.log(issue.number, ctx.now, msg.sender, "recat", code)
    await ctx.store.corrections.add(
        Correction(
            text=issue.text,
            intent="report",
            category=code,
            urgent=issue.urgent,
            source="recat",
            issue=issue.number,
            actor=msg.sender,
            at=ctx.now,
        )
    )
    return [
        Outgoing(
            msg.chat,
            Kind.COMMAND_REPLY,
            ct.recategorised(issue, taxonomy.label(code)),
            issue=issue.number,
        )
    ]
