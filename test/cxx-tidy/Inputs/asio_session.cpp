// Real coroutine code against Debian's libasio-dev: an echo session on
// asio::awaitable, with a connection table behind a std::mutex. Markers
// as in corpus.cpp (compare.py).
#include <asio.hpp>
#include <map>
#include <mutex>

using asio::awaitable;
using asio::use_awaitable;
using asio::ip::tcp;

struct table {
	std::mutex mu;
	std::map<int, tcp::socket *> conns;
	int bytes = 0;
};

awaitable<void> echo(tcp::socket s, table &t, int id)
{
	char data[1024];
	{
		std::lock_guard<std::mutex> g(t.mu);	/* released before any await */
		t.conns[id] = &s;
	}
	for (;;) {
		std::size_t n = co_await s.async_read_some(asio::buffer(data), use_awaitable);
		std::unique_lock<std::mutex> l(t.mu);
		t.bytes += (int)n;
		l.unlock();
		co_await asio::async_write(s, asio::buffer(data, n), use_awaitable);	// TIDY-FP
	}
}

awaitable<void> count_slowly(tcp::socket &s, table &t)
{
	char data[64];
	std::lock_guard<std::mutex> g(t.mu);
	std::size_t n = co_await s.async_read_some(asio::buffer(data), use_awaitable);
	t.bytes += (int)n;
}

awaitable<void> by_hand(tcp::socket &s, table &t)
{
	char data[64];
	t.mu.lock();
	co_await s.async_read_some(asio::buffer(data), use_awaitable);	// EXTRA
	t.mu.unlock();
}

awaitable<void> listener(tcp::acceptor a, table &t)
{
	for (int id = 0;; id++) {
		tcp::socket s = co_await a.async_accept(use_awaitable);
		asio::co_spawn(a.get_executor(), echo(std::move(s), t, id), asio::detached);
	}
}
