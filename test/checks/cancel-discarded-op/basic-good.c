// RUN: %cancelcheck --checks='-*,cancel-discarded-op' %s -- -std=gnu11 -pthread | count 0
// Replace with the silent neighbour of the bad case.
