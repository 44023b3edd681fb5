/* SPDX-License-Identifier: MIT */
/*
 * sendmail.c: one message through a sendmail-compatible program ('msmtp
 * -t', 'sendmail -t'), see deliver.h.  The message goes on its standard
 * input; exit 75 (EX_TEMPFAIL) means try later, as sendmail(8) defines.
 * A program that runs past the timeout is killed: try later.
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "config.h"
#include "deliver.h"

/* Write everything to fd; -1 when the program stopped reading. */
static int
sendmail_write(int fd, const char *p, size_t len)
{
	ssize_t	 k;

	while (len > 0) {
		if ((k = write(fd, p, len)) < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		p += k;
		len -= (size_t)k;
	}
	return 0;
}

/* Wait for pid at most timeout seconds; kill it then.  The status. */
static int
sendmail_wait(pid_t pid, long timeout, int *timed_out)
{
	struct timespec	 ts = { 0, 20 * 1000000L };
	long		 waited = 0;
	int		 st = 0;
	pid_t		 r;

	*timed_out = 0;
	while ((r = waitpid(pid, &st, WNOHANG)) == 0) {
		if (waited >= timeout * 50) {
			kill(pid, SIGKILL);
			waitpid(pid, &st, 0);
			*timed_out = 1;
			return st;
		}
		nanosleep(&ts, NULL);
		waited++;
	}
	return r < 0 ? -1 : st;
}

int
sendmail_send(const struct send_config *sc, const char *data, size_t len,
    long timeout, char err[DELIVER_ERRMAX])
{
	int	 fd[2], st, to, wrote;
	pid_t	 pid;

	err[0] = '\0';
	if (pipe(fd) == -1 || (pid = fork()) == -1) {
		snprintf(err, DELIVER_ERRMAX, "sendmail: %s", strerror(errno));
		return DELIVER_LATER;
	}
	if (pid == 0) {
		close(fd[1]);
		if (dup2(fd[0], STDIN_FILENO) == -1)
			_exit(71);
		close(fd[0]);
		execl("/bin/sh", "sh", "-c", sc->sendmail, (char *)NULL);
		_exit(127);
	}
	close(fd[0]);
	wrote = sendmail_write(fd[1], data, len);
	close(fd[1]);
	st = sendmail_wait(pid, timeout, &to);
	if (to) {
		snprintf(err, DELIVER_ERRMAX, "'%s' ran longer than %ld s",
		    sc->sendmail, timeout);
		return DELIVER_LATER;
	}
	if (st != -1 && WIFEXITED(st) && WEXITSTATUS(st) == 0 && wrote == 0)
		return DELIVER_OK;
	if (st != -1 && WIFEXITED(st) && WEXITSTATUS(st) == DELIVER_LATER) {
		snprintf(err, DELIVER_ERRMAX, "'%s' said try later (exit 75)",
		    sc->sendmail);
		return DELIVER_LATER;
	}
	if (st != -1 && WIFEXITED(st))
		snprintf(err, DELIVER_ERRMAX, "'%s' failed with exit %d",
		    sc->sendmail, WEXITSTATUS(st));
	else
		snprintf(err, DELIVER_ERRMAX, "'%s' was killed", sc->sendmail);
	return st != -1 && WIFSIGNALED(st) ? DELIVER_LATER : DELIVER_FIX;
}
