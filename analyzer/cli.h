/* The cancelcheck command line driver. */
#ifndef CCK_CLI_H
#define CCK_CLI_H

int cck_main(int argc, char **argv);

#endif
