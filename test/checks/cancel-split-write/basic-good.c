// RUN: %cancelcheck --checks='-*,cancel-split-write' %s -- -std=gnu11 -pthread | count 0
// Replace with the silent neighbour of the bad case.
