"""How the server ends: exit after shutdown is 0; exit without it, or the
end of input, is 1 (LSP's exit notification)."""
import sys
from lspclient import Client

server, how = sys.argv[1:3]
c = Client(server)
c.initialize()
c.open(sys.argv[3])		# an analysis in flight does not hold the exit up
if how == "shutdown-exit":
    c.response(c.request("shutdown"))
    c.notify("exit")
elif how == "exit":
    c.notify("exit")
print(how, "exit status", c.finish())
