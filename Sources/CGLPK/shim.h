// GLPK from Debian's libglpk-dev. Debian ships no pkg-config file for GLPK, so the header is found
// in the default include path (/usr/include/glpk.h) and the library is linked by name.
#include <glpk.h>
