/* args.c - wincase's command line. */
#include "common/args.h"

#include <getopt.h>
#include <string.h>

void args_usage(FILE *out)
{
	fputs(
	    "usage: wincase [OPTION]...\n"
	    "  -s, --server URL   the case store, e.g. http://10.0.0.5:8730\n"
	    "  -c, --config FILE  settings (default: the first of\n"
	    "                     $XDG_CONFIG_HOME/wincase/wincase.conf,\n"
	    "                     each $XDG_CONFIG_DIRS/wincase/wincase.conf,\n"
	    "                     /etc/wincase/wincase.conf)\n"
	    "  -r, --restricted   for an SSH ForceCommand account: no print\n"
	    "                     command, no settings from the home folder\n"
	    "  -t, --training     training mode: a private server on this\n"
	    "                     computer with practice scenarios; the\n"
	    "                     configured server is never contacted\n"
	    "  -h, --help         print this help and exit\n"
	    "  -V, --version      print the version and exit\n"
	    "       wincase journal list|replay|export --user NAME: the\n"
	    "                     clerk's offline journal (wincase(1))\n"
	    "exit status: 0 after F10, SIGTERM or SIGHUP; 2 bad option or\n"
	    "             configuration; 3 the locale is not UTF-8\n",
	    out);
}

int args_parse(int argc, char **argv, struct client_args *a, FILE *err)
{
	static const struct option opts[] = {
	    {"server", required_argument, NULL, 's'},
	    {"config", required_argument, NULL, 'c'},
	    {"restricted", no_argument, NULL, 'r'},
	    {"training", no_argument, NULL, 't'},
	    {"help", no_argument, NULL, 'h'},
	    {"version", no_argument, NULL, 'V'},
	    {NULL, 0, NULL, 0},
	};
	int c;

	memset(a, 0, sizeof(*a));
	optind = 0; /* glibc: start again (the tests parse many times) */
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":s:c:rthV", opts, NULL)) != -1) {
		switch (c) {
		case 's':
			a->server = optarg;
			break;
		case 'c':
			a->config = optarg;
			break;
		case 'r':
			a->restricted = true;
			break;
		case 't':
			a->training = true;
			break;
		case 'h':
			a->help = true;
			break;
		case 'V':
			a->version = true;
			break;
		case ':':
			fprintf(err, "wincase: option %s needs a value\n",
				argv[optind - 1]);
			return -1;
		default:
			fprintf(err, "wincase: unknown option %s\n",
				argv[optind - 1]);
			return -1;
		}
	}
	if (optind < argc) {
		fprintf(err, "wincase: unexpected argument %s\n", argv[optind]);
		return -1;
	}
	return 0;
}
