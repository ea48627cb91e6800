// Asio's awaitable operators: in co_await (a || b), the side that does not
// complete first is cancelled. A write on that side (async_write,
// async_write_some, async_send) may stop after part of the message:
// reported, naming the other side. A read raced against a timer, a write
// awaited alone, and && (which cancels nothing that completes) are silent.
// RUN: not %cancelcheck --checks='-*,cancel-lost-value' %s -- -std=c++20 -DASIO_HAS_CO_AWAIT=1 \
// RUN:   -DASIO_HAS_STD_COROUTINE=1 2>/dev/null | FileCheck %s --implicit-check-not='warning:'
#include <asio.hpp>
#include <asio/experimental/awaitable_operators.hpp>
#include <string>

using namespace asio::experimental::awaitable_operators;
using asio::awaitable;
using asio::use_awaitable;
using asio::ip::tcp;

awaitable<void> send_or_timeout(tcp::socket &s, asio::steady_timer &t, std::string msg)
{
	co_await (asio::async_write(s, asio::buffer(msg), use_awaitable) || t.async_wait(use_awaitable));
	// CHECK: cxx-asio-race.cpp:[[@LINE-1]]:2: warning: the message 'asio::async_write' writes to 's' is lost in part if 'asio::basic_waitable_timer::async_wait' completes first: the losing side of this race is cancelled, possibly after writing part of it [cancel-lost-value]
}

awaitable<void> some_or_stop(tcp::socket &s, asio::steady_timer &stop, char *buf)
{
	auto r = co_await (stop.async_wait(use_awaitable) || s.async_write_some(asio::buffer(buf, 16), use_awaitable));
	// CHECK: cxx-asio-race.cpp:[[@LINE-1]]:11: warning: the message 'asio::basic_stream_socket::async_write_some' writes to 's' is lost in part if 'asio::basic_waitable_timer::async_wait' completes first
	(void)r;
}

// Silent from here on.

awaitable<void> read_or_timeout(tcp::socket &s, asio::steady_timer &t)
{
	char buf[64];
	co_await (s.async_read_some(asio::buffer(buf), use_awaitable) || t.async_wait(use_awaitable));
}

awaitable<void> write_alone(tcp::socket &s, std::string msg)
{
	co_await asio::async_write(s, asio::buffer(msg), use_awaitable);
}

awaitable<void> both(tcp::socket &s, asio::steady_timer &t, std::string msg)
{
	co_await (asio::async_write(s, asio::buffer(msg), use_awaitable) && t.async_wait(use_awaitable));
}
