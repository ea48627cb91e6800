-- Neovim 0.7 as the editor: start cancelcheck --lsp as an LSP client of a
-- buffer, wait for its diagnostics, fix the bug in the buffer without
-- saving, and wait for them to go. Writes what it sees to $CCK_OUT.
local server, file, outpath = os.getenv("CCK_SERVER"), os.getenv("CCK_FILE"), os.getenv("CCK_OUT")
local out = assert(io.open(outpath, "w"))
local function say(s)
  out:write(s, "\n")
  out:flush()
end

local function show(buf)
  local ds = vim.diagnostic.get(buf)
  table.sort(ds, function(a, b) return a.lnum < b.lnum end)
  for _, d in ipairs(ds) do
    local lsp = (d.user_data or {}).lsp or {}
    say(string.format("diagnostic %d:%d-%d:%d severity=%s source=%s code=%s href=%s related=%d: %s",
      d.lnum, d.col, d.end_lnum, d.end_col, d.severity, tostring(d.source), tostring(lsp.code),
      tostring((lsp.codeDescription or {}).href), #(lsp.relatedInformation or {}), d.message))
  end
end

local function main()
  say("nvim " .. tostring(vim.version().major) .. "." .. tostring(vim.version().minor))
  vim.cmd("edit " .. vim.fn.fnameescape(file))
  local buf = vim.api.nvim_get_current_buf()
  local id = vim.lsp.start_client({
    name = "cancelcheck",
    cmd = { server, "--lsp" },
    root_dir = vim.fn.fnamemodify(file, ":h"),
    flags = { debounce_text_changes = 20 },
  })
  say("client " .. tostring(id ~= nil))
  vim.lsp.buf_attach_client(buf, id)
  local ok = vim.wait(60000, function() return #vim.diagnostic.get(buf) > 0 end, 20)
  say("diagnostics after open: " .. (ok and "yes" or "TIMEOUT"))
  show(buf)

  -- The fix, unsaved, in one change (one undo step): a cleanup handler
  -- unlocks the mutex.
  local lines = vim.api.nvim_buf_get_lines(buf, 0, -1, false)
  local first, last
  for i, l in ipairs(lines) do
    if l == "\tpthread_mutex_lock(&q->mu);" then first = i end
    if l == "\tpthread_mutex_unlock(&q->mu);" then last = i end
  end
  local fixed = { lines[first],
    "\tpthread_cleanup_push((void (*)(void *))pthread_mutex_unlock, &q->mu);" }
  for i = first + 1, last - 1 do fixed[#fixed + 1] = lines[i] end
  fixed[#fixed + 1] = "\tpthread_cleanup_pop(1);"
  vim.api.nvim_buf_set_lines(buf, first - 1, last, false, fixed)
  say("modified, unsaved: " .. tostring(vim.api.nvim_buf_get_option(buf, "modified")))
  ok = vim.wait(60000, function() return #vim.diagnostic.get(buf) == 0 end, 20)
  say("diagnostics after the fix: " .. (ok and "none" or "TIMEOUT"))
  show(buf)

  -- The bug back (undo): the finding returns.
  vim.cmd("silent undo")
  ok = vim.wait(60000, function()
    for _, d in ipairs(vim.diagnostic.get(buf)) do
      if d.source == "cancelcheck" then return true end
    end
    return false
  end, 20)
  say("diagnostics after undo: " .. (ok and "yes" or "TIMEOUT"))
  show(buf)

  vim.lsp.stop_client(id)
  ok = vim.wait(10000, function() return vim.lsp.get_client_by_id(id) == nil end, 20)
  say("client stopped: " .. tostring(ok))
end

local ok, err = pcall(main)
if not ok then
  say("ERROR " .. tostring(err))
end
out:close()
vim.cmd("qall!")
