// RUN: not %cancelcheck --checks='-*,cancel-split-write' %s -- -std=gnu11 -pthread \
// RUN:   | FileCheck %s --implicit-check-not='warning:'
// XFAIL: *
// Replace with code that must be flagged, and a CHECK line beside it.
// CHECK: warning: {{.*}} [cancel-split-write]
