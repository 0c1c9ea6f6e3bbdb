/* jxc diff: not written yet (the next commit). */
#include "cli.h"

#include <stdio.h>

int jx_cmd_diff(int argc, char **argv, const jx_cli *cli) {
  (void)argc;
  (void)argv;
  (void)cli;
  fputs("jxc: diff is not available yet.\n", stderr);
  return EXIT_USAGE;
}
