/* version.h - the one version string of wincase and wincased, printed by
 * both --version options and reported by GET /v1/health. Change it here
 * (and add the release to NEWS). */
#ifndef WINCASE_VERSION_H
#define WINCASE_VERSION_H

#define WINCASE_VERSION "0.2.0"

#endif
