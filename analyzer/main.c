/* cancelcheck: entry point of the standalone linter. */
#include "cli.h"

int main(int argc, char **argv)
{
	return cck_main(argc, argv);
}
