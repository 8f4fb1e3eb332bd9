"""A fake wechaty puppet service (gateway) for end-to-end tests, served with grpclib.

``wechaty-grpc`` ships only client stubs, so the service is assembled by hand: ``__mapping__``
returns a ``grpclib.const.Handler`` per ``/wechaty.Puppet/<Rpc>`` path. It keeps contacts,
rooms and messages in memory, records every call and every text the bot sends, and can be
stopped and started again on the same port to simulate the connection dropping. Messages said
while no client is listening are queued and delivered when one connects, like a buffering
gateway does (the reference wechaty gateway drops them instead; docs/delivery.md).
It can send heartbeats (once or periodically) and hang: keep its event streams open but send
nothing more on them, as a stuck gateway does.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

from grpclib.const import Cardinality, Handler
from grpclib.server import Server, Stream
from wechaty_grpc.wechaty.puppet import (
    ContactPayloadRequest,
    ContactPayloadResponse,
    ContactType,
    DingRequest,
    DingResponse,
    EventRequest,
    EventResponse,
    EventType,
    MessagePayloadRequest,
    MessagePayloadResponse,
    MessageSendTextRequest,
    MessageSendTextResponse,
    RoomMemberListRequest,
    RoomMemberListResponse,
    RoomPayloadRequest,
    RoomPayloadResponse,
    StartRequest,
    StartResponse,
    StopRequest,
    StopResponse,
)

# The Python client maps message types in the TypeScript enum order, where Text is 7.
TEXT_TYPE = 7
MENTION_SEPARATOR = "\u2005"


@dataclass(frozen=True, slots=True)
class SentText:
    conversation_id: str
    text: str
    mention_ids: tuple[str, ...]


@dataclass(slots=True)
class FakeContact:
    name: str
    friend: bool = True


@dataclass(slots=True)
class FakeRoom:
    topic: str
    members: list[str] = field(default_factory=list)


class _DroppableServer(Server):
    """A grpclib server that can cut its TCP connections, as a crashed gateway would
    (``Server.close`` only cancels the calls and leaves connections open)."""

    def __init__(self, handlers: list[Any]) -> None:
        super().__init__(handlers)
        self.protocols: list[Any] = []

    def _protocol_factory(self) -> Any:
        protocol = super()._protocol_factory()
        self.protocols.append(protocol)
        return protocol

    def abort_connections(self) -> None:
        for protocol in self.protocols:
            connection = getattr(protocol, "connection", None)
            transport = getattr(connection, "_transport", None)
            if transport is not None:
                transport.abort()


class FakePuppetService:
    """The gateway side of the wechaty puppet protocol, in memory."""

    def __init__(self, self_id: str = "wxid_linli_bot", self_name: str = "邻里助手") -> None:
        self.self_id = self_id
        self.contacts: dict[str, FakeContact] = {self_id: FakeContact(self_name, friend=False)}
        self.rooms: dict[str, FakeRoom] = {}
        self.messages: dict[str, MessagePayloadResponse] = {}
        self.sent: list[SentText] = []
        self.calls: list[str] = []
        self.event_streams = 0
        self.event_streams_ended = 0
        self.heartbeats = 0
        self._heartbeat_task: asyncio.Task[None] | None = None
        self._hung: list[asyncio.Queue[EventResponse | None]] = []
        self.sent_changed = asyncio.Condition()
        self._backlog: list[EventResponse] = []
        self._listeners: list[asyncio.Queue[EventResponse | None]] = []
        self._ids = itertools.count(1)
        self._server: _DroppableServer | None = None
        self.port = 0

    # -- world ---------------------------------------------------------------------------

    def add_contact(self, contact_id: str, name: str, *, friend: bool = True) -> None:
        self.contacts[contact_id] = FakeContact(name, friend)

    def add_room(self, room_id: str, topic: str, members: list[str]) -> None:
        self.rooms[room_id] = FakeRoom(topic, [self.self_id, *members])

    def say(
        self,
        text: str,
        *,
        talker: str,
        room: str = "",
        message_id: str | None = None,
        mention_ids: tuple[str, ...] = (),
    ) -> str:
        """A message arrives from WeChat; returns its id. Queued if no client listens."""
        mid = message_id or f"msg-{next(self._ids)}"
        self.messages[mid] = MessagePayloadResponse(
            id=mid,
            text=text,
            timestamp=int(time.time()),
            type=TEXT_TYPE,  # type: ignore[arg-type]
            from_id=talker,
            room_id=room,
            to_id="" if room else self.self_id,
            mention_ids=list(mention_ids),
        )
        self.redeliver(mid)
        return mid

    def redeliver(self, message_id: str) -> None:
        """Push the message event for ``message_id`` (again)."""
        self._emit(EventType.EVENT_TYPE_MESSAGE, {"messageId": message_id})

    def leave(self, room: str, removed: list[str], *, remover: str = "") -> None:
        """People leave (or are removed from) ``room``: the gateway's room-leave event."""
        members = self.rooms[room].members
        self.rooms[room].members = [m for m in members if m not in removed]
        self._emit(
            EventType.EVENT_TYPE_ROOM_LEAVE,
            {
                "roomId": room,
                "removeeIdList": removed,
                "removerId": remover or removed[0],
                "timestamp": int(time.time()),
            },
        )

    def heartbeat(self) -> None:
        """Send one heartbeat on the open event streams (never queued, like a gateway)."""
        self.heartbeats += 1
        self._emit(EventType.EVENT_TYPE_HEARTBEAT, {"data": "heartbeat"}, queue=False)

    def start_heartbeats(self, interval: float) -> None:
        """Send a heartbeat every ``interval`` seconds until :meth:`stop_heartbeats`."""

        async def beat() -> None:
            while True:
                await asyncio.sleep(interval)
                self.heartbeat()

        self.stop_heartbeats()
        self._heartbeat_task = asyncio.create_task(beat(), name="fake-puppet-heartbeats")

    def stop_heartbeats(self) -> None:
        if self._heartbeat_task is not None:
            self._heartbeat_task.cancel()
            self._heartbeat_task = None

    def hang(self) -> None:
        """The open event streams stay open but get nothing more, heartbeats included;
        events from now on are queued for the next stream a client opens."""
        self._hung += self._listeners
        self._listeners = []

    def _emit(self, kind: EventType, payload: dict[str, Any], *, queue: bool = True) -> None:
        event = EventResponse(type=kind, payload=json.dumps(payload))
        if not self._listeners and queue:
            self._backlog.append(event)
        for listener in self._listeners:
            listener.put_nowait(event)

    async def wait_sent(self, count: int, timeout: float = 5.0) -> list[SentText]:
        """Wait until at least ``count`` texts were sent by the bot."""
        async with self.sent_changed:
            await asyncio.wait_for(
                self.sent_changed.wait_for(lambda: len(self.sent) >= count), timeout
            )
        return list(self.sent)

    # -- server --------------------------------------------------------------------------

    async def start(self, port: int = 0) -> int:
        """Serve on 127.0.0.1 (a random free port unless ``port``); returns the port."""
        self._server = _DroppableServer([self])
        await self._server.start("127.0.0.1", port or self.port or 0)
        sockets = self._server._server.sockets  # type: ignore[union-attr]
        self.port = sockets[0].getsockname()[1]
        return self.port

    async def stop(self, *, graceful: bool = False) -> None:
        """Stop listening and cancel every call (the gateway went away); ``graceful`` ends the
        event streams first instead of cutting them."""
        self.stop_heartbeats()
        if graceful:
            for queue in self._listeners:
                queue.put_nowait(None)
        if self._server is not None:
            self._server.abort_connections()
            self._server.close()
            await asyncio.wait_for(self._server.wait_closed(), 5)
            self._server = None

    @property
    def endpoint(self) -> str:
        return f"127.0.0.1:{self.port}"

    def __mapping__(self) -> dict[str, Handler]:
        def unary(func: Callable[[Any], Awaitable[Any]], req: type, resp: type) -> Handler:
            async def handle(stream: Stream[Any, Any]) -> None:
                request = await stream.recv_message()
                self.calls.append(func.__name__)
                await stream.send_message(await func(request))

            return Handler(handle, Cardinality.UNARY_UNARY, req, resp)

        p = "/wechaty.Puppet/"
        return {
            p + "Start": unary(self.Start, StartRequest, StartResponse),
            p + "Stop": unary(self.Stop, StopRequest, StopResponse),
            p + "Ding": unary(self.Ding, DingRequest, DingResponse),
            p + "ContactPayload": unary(
                self.ContactPayload, ContactPayloadRequest, ContactPayloadResponse
            ),
            p + "MessagePayload": unary(
                self.MessagePayload, MessagePayloadRequest, MessagePayloadResponse
            ),
            p + "RoomPayload": unary(self.RoomPayload, RoomPayloadRequest, RoomPayloadResponse),
            p + "RoomMemberList": unary(
                self.RoomMemberList, RoomMemberListRequest, RoomMemberListResponse
            ),
            p + "MessageSendText": unary(
                self.MessageSendText, MessageSendTextRequest, MessageSendTextResponse
            ),
            p + "Event": Handler(self.Event, Cardinality.UNARY_STREAM, EventRequest, EventResponse),
        }

    # -- RPCs ----------------------------------------------------------------------------

    async def Start(self, request: StartRequest) -> StartResponse:
        return StartResponse()

    async def Stop(self, request: StopRequest) -> StopResponse:
        return StopResponse()

    async def Ding(self, request: DingRequest) -> DingResponse:
        return DingResponse()

    async def ContactPayload(self, request: ContactPayloadRequest) -> ContactPayloadResponse:
        contact = self.contacts.get(request.id, FakeContact(request.id, friend=False))
        return ContactPayloadResponse(
            id=request.id,
            name=contact.name,
            friend=contact.friend,
            type=ContactType.CONTACT_TYPE_PERSONAL,
        )

    async def MessagePayload(self, request: MessagePayloadRequest) -> MessagePayloadResponse:
        return self.messages[request.id]

    async def RoomPayload(self, request: RoomPayloadRequest) -> RoomPayloadResponse:
        room = self.rooms.get(request.id, FakeRoom(request.id))
        return RoomPayloadResponse(
            id=request.id, topic=room.topic, owner_id=self.self_id, member_ids=room.members
        )

    async def RoomMemberList(self, request: RoomMemberListRequest) -> RoomMemberListResponse:
        room = self.rooms.get(request.id, FakeRoom(request.id))
        return RoomMemberListResponse(member_ids=room.members)

    async def MessageSendText(self, request: MessageSendTextRequest) -> MessageSendTextResponse:
        mid = f"sent-{next(self._ids)}"
        # Store what was sent: Room.say loads the returned message id.
        self.messages[mid] = MessagePayloadResponse(
            id=mid,
            text=request.text,
            timestamp=int(time.time()),
            type=TEXT_TYPE,  # type: ignore[arg-type]
            from_id=self.self_id,
            room_id=request.conversation_id if request.conversation_id in self.rooms else "",
            to_id="" if request.conversation_id in self.rooms else request.conversation_id,
            mention_ids=list(request.mentonal_ids),
        )
        async with self.sent_changed:
            self.sent.append(
                SentText(request.conversation_id, request.text, tuple(request.mentonal_ids))
            )
            self.sent_changed.notify_all()
        return MessageSendTextResponse(id=mid)

    async def Event(self, stream: Stream[EventRequest, EventResponse]) -> None:
        await stream.recv_message()
        self.calls.append("Event")
        self.event_streams += 1
        queue: asyncio.Queue[EventResponse | None] = asyncio.Queue()
        self._listeners.append(queue)
        try:
            await stream.send_message(
                EventResponse(
                    type=EventType.EVENT_TYPE_LOGIN,
                    payload=json.dumps({"contactId": self.self_id}),
                )
            )
            backlog, self._backlog = self._backlog, []
            for event in backlog:
                await stream.send_message(event)
            while (event := await queue.get()) is not None:
                await stream.send_message(event)
        finally:
            # A hung stream ends only when the client gives up on it (or the server stops).
            for listeners in (self._listeners, self._hung):
                if queue in listeners:
                    listeners.remove(queue)
            self.event_streams_ended += 1
