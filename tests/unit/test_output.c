/* Output files (compiler/output.c and the jxc side in compiler/cli.c): an
 * interrupted write leaves neither the target nor a temporary file, a
 * finished one has the mode of a new file, and a file replaced keeps its
 * mode. */
#include <config.h>

#include <dirent.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "check.h"
#include "cli.h"

static char dir[] = "/tmp/jx-test-output-XXXXXX";

/* Writes half a file into the temporary output, then is interrupted. */
static bool write_then_die(const char *tmp, void *data, const char **why) {
  (void)data;
  (void)why;
  FILE *f = fopen(tmp, "w");
  if (f) {
    fputs("<partial", f);
    fclose(f);
  }
  raise(SIGTERM);
  return true;
}

static int entries(void) {
  DIR *d = opendir(dir);
  int n = 0;
  for (struct dirent *e; d && (e = readdir(d));)
    if (e->d_name[0] != '.') n++;
  if (d) closedir(d);
  return n;
}

static void interrupted(void) {
  pid_t pid = fork();
  if (pid == 0) {
    jx_cli_install_signal_handlers();
    jx_ctx *ctx = jx_ctx_new();
    char path[256];
    snprintf(path, sizeof path, "%s/out.xml", dir);
    jx_cli_write_with(ctx, path, write_then_die, NULL);
    _exit(0); /* not reached: the signal ends the process */
  }
  int status = 0;
  waitpid(pid, &status, 0);
  CHECK(WIFSIGNALED(status) && WTERMSIG(status) == SIGTERM);
  CHECK_INT(entries(), 0); /* no out.xml, no out.xml.XXXXXX */
}

static void modes(void) {
  jx_ctx *ctx = jx_ctx_new();
  char path[256];
  snprintf(path, sizeof path, "%s/new.txt", dir);
  mode_t mask = umask(022);
  CHECK(jx_cli_write(ctx, path, "x\n", 2));
  struct stat st;
  CHECK(stat(path, &st) == 0 && (st.st_mode & 0777) == 0644);
  CHECK(chmod(path, 0600) == 0);
  CHECK(jx_cli_write(ctx, path, "y\n", 2));
  CHECK(stat(path, &st) == 0 && (st.st_mode & 0777) == 0600);
  umask(mask);
  unlink(path);
  jx_ctx_free(ctx);
}

int main(void) {
  if (!mkdtemp(dir)) {
    perror("mkdtemp");
    return 1;
  }
  interrupted();
  modes();
  rmdir(dir);
  return CHECK_DONE();
}
