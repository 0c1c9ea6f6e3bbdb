/* jx_cli_terminal_ambiguous_width (compiler/cli.c): jxc asks the terminal
 * it prints to how wide it draws "≥", with a cursor position report. Here
 * a pseudo-terminal plays the terminal: it answers column 3 (≥ drawn two
 * columns wide), column 2 (one column), or nothing at all. */
#include <config.h>

#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include "check.h"
#include "cli.h"

/* Runs the question in a child whose controlling terminal and standard
 * output are a new pseudo-terminal; answers with `answer` (NULL: none).
 * Returns what the child found, and in *asked whether it asked. */
static int probe(const char *answer, bool *asked) {
  int master, slave;
  *asked = false;
  if (openpty(&master, &slave, NULL, NULL, NULL) != 0) return -1;
  pid_t pid = fork();
  if (pid == 0) {
    close(master);
    setsid();
    if (ioctl(slave, TIOCSCTTY, 0) != 0) _exit(100); /* its controlling terminal */
    dup2(slave, STDOUT_FILENO);
    setenv("TERM", "xterm", 1);
    _exit(jx_cli_terminal_ambiguous_width(STDOUT_FILENO));
  }
  close(slave);
  char buf[256];
  size_t n = 0;
  struct pollfd p = {master, POLLIN, 0};
  while (n < sizeof buf - 1 && poll(&p, 1, 2000) > 0) {
    ssize_t got = read(master, buf + n, sizeof buf - 1 - n);
    if (got <= 0) break;
    n += (size_t)got;
    buf[n] = '\0';
    if (strstr(buf, "\033[6n")) {
      *asked = true;
      break;
    }
  }
  if (*asked && answer) CHECK(write(master, answer, strlen(answer)) == (ssize_t)strlen(answer));
  int status = 0;
  /* Keep reading, so the child's clean-up of the line never blocks. */
  for (;;) {
    pid_t done = waitpid(pid, &status, WNOHANG);
    if (done == pid) break;
    if (poll(&p, 1, 50) > 0 && read(master, buf, sizeof buf) <= 0) {
      waitpid(pid, &status, 0);
      break;
    }
  }
  close(master);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

int main(void) {
  bool asked;
  CHECK_INT(probe("\033[12;3R", &asked), 2); /* the cursor moved two columns */
  CHECK(asked);
  CHECK_INT(probe("\033[12;2R", &asked), 1);
  CHECK(asked);
  CHECK_INT(probe(NULL, &asked), 0); /* no answer: not known */
  CHECK(asked);
  /* Not a terminal: nothing is asked. */
  int p[2];
  CHECK(pipe(p) == 0);
  CHECK_INT(jx_cli_terminal_ambiguous_width(p[1]), 0);
  close(p[0]);
  close(p[1]);
  return CHECK_DONE();
}
