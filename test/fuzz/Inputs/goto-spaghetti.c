#include <pthread.h>
#include <unistd.h>
static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
int spaghetti(int x, int fd)
{
	int c = 0;
L0:
	if (c++ > 1000) goto end;
	if (x & 1) goto L41;
L1:
	pthread_mutex_lock(&m);
	if (read(fd, &x, 1) < 0) goto L50;
L2:
	pthread_mutex_unlock(&m);
	if (x == 2) goto L9; else goto L68;
L3:
	switch (x % 3) { case 0: goto L12; case 1: break; default: goto L46; }
L4:
	while (x-- > 0) { if (x == 4) goto L74; sleep(1); }
L5:
	if (c++ > 1000) goto end;
	if (x & 32) goto L64;
L6:
	pthread_mutex_lock(&m);
	if (read(fd, &x, 1) < 0) goto L4;
L7:
	pthread_mutex_unlock(&m);
	if (x == 7) goto L55; else goto L53;
L8:
	switch (x % 3) { case 0: goto L8; case 1: break; default: goto L30; }
L9:
	while (x-- > 0) { if (x == 9) goto L11; sleep(1); }
L10:
	if (c++ > 1000) goto end;
	if (x & 1024) goto L54;
L11:
	pthread_mutex_lock(&m);
	if (read(fd, &x, 1) < 0) goto L72;
L12:
	pthread_mutex_unlock(&m);
	if (x == 12) goto L28; else goto L74;
L13:
	switch (x % 3) { case 0: goto L7; case 1: break; default: goto L73; }
L14:
	while (x-- > 0) { if (x == 14) goto L74; sleep(1); }
L15:
	if (c++ > 1000) goto end;
	if (x & 32768) goto L6;
L16:
	pthread_mutex_lock(&m);
	if (read(fd, &x, 1) < 0) goto L5;
L17:
	pthread_mutex_unlock(&m);
	if (x == 17) goto L17; else goto L37;
L18:
	switch (x % 3) { case 0: goto L53; case 1: break; default: goto L18; }
L19:
	while (x-- > 0) { if (x == 19) goto L69; sleep(1); }
L20:
	if (c++ > 1000) goto end;
	if (x & 1048576) goto L73;
L21:
	pthread_mutex_lock(&m);
	if (read(fd, &x, 1) < 0) goto L71;
L22:
	pthread_mutex_unlock(&m);
	if (x == 22) goto L13; else goto L74;
L23:
	switch (x % 3) { case 0: goto L73; case 1: break; default: goto L24; }
L24:
	while (x-- > 0) { if (x == 24) goto L47; sleep(1); }
L25:
	if (c++ > 1000) goto end;
	if (x & 33554432) goto L70;
L26:
	pthread_mutex_lock(&m);
	if (read(fd, &x, 1) < 0) goto L72;
L27:
	pthread_mutex_unlock(&m);
	if (x == 27) goto L79; else goto L26;
L28:
	switch (x % 3) { case 0: goto L63; case 1: break; default: goto L68; }
L29:
	while (x-- > 0) { if (x == 29) goto L54; sleep(1); }
L30:
	if (c++ > 1000) goto end;
	if (x & 1) goto L59;
L31:
	pthread_mutex_lock(&m);
	if (read(fd, &x, 1) < 0) goto L58;
L32:
	pthread_mutex_unlock(&m);
	if (x == 32) goto L38; else goto L31;
L33:
	switch (x % 3) { case 0: goto L23; case 1: break; default: goto L31; }
L34:
	while (x-- > 0) { if (x == 34) goto L10; sleep(1); }
L35:
	if (c++ > 1000) goto end;
	if (x & 32) goto L38;
L36:
	pthread_mutex_lock(&m);
	if (read(fd, &x, 1) < 0) goto L63;
L37:
	pthread_mutex_unlock(&m);
	if (x == 37) goto L57; else goto L36;
L38:
	switch (x % 3) { case 0: goto L77; case 1: break; default: goto L9; }
L39:
	while (x-- > 0) { if (x == 39) goto L15; sleep(1); }
L40:
	if (c++ > 1000) goto end;
	if (x & 1024) goto L53;
L41:
	pthread_mutex_lock(&m);
	if (read(fd, &x, 1) < 0) goto L43;
L42:
	pthread_mutex_unlock(&m);
	if (x == 42) goto L62; else goto L53;
L43:
	switch (x % 3) { case 0: goto L5; case 1: break; default: goto L9; }
L44:
	while (x-- > 0) { if (x == 44) goto L71; sleep(1); }
L45:
	if (c++ > 1000) goto end;
	if (x & 32768) goto L40;
L46:
	pthread_mutex_lock(&m);
	if (read(fd, &x, 1) < 0) goto L44;
L47:
	pthread_mutex_unlock(&m);
	if (x == 47) goto L63; else goto L74;
L48:
	switch (x % 3) { case 0: goto L58; case 1: break; default: goto L8; }
L49:
	while (x-- > 0) { if (x == 49) goto L11; sleep(1); }
L50:
	if (c++ > 1000) goto end;
	if (x & 1048576) goto L60;
L51:
	pthread_mutex_lock(&m);
	if (read(fd, &x, 1) < 0) goto L7;
L52:
	pthread_mutex_unlock(&m);
	if (x == 52) goto L73; else goto L57;
L53:
	switch (x % 3) { case 0: goto L36; case 1: break; default: goto L49; }
L54:
	while (x-- > 0) { if (x == 54) goto L44; sleep(1); }
L55:
	if (c++ > 1000) goto end;
	if (x & 33554432) goto L59;
L56:
	pthread_mutex_lock(&m);
	if (read(fd, &x, 1) < 0) goto L21;
L57:
	pthread_mutex_unlock(&m);
	if (x == 57) goto L14; else goto L63;
L58:
	switch (x % 3) { case 0: goto L7; case 1: break; default: goto L27; }
L59:
	while (x-- > 0) { if (x == 59) goto L36; sleep(1); }
L60:
	if (c++ > 1000) goto end;
	if (x & 1) goto L31;
L61:
	pthread_mutex_lock(&m);
	if (read(fd, &x, 1) < 0) goto L50;
L62:
	pthread_mutex_unlock(&m);
	if (x == 62) goto L10; else goto L21;
L63:
	switch (x % 3) { case 0: goto L57; case 1: break; default: goto L51; }
L64:
	while (x-- > 0) { if (x == 64) goto L70; sleep(1); }
L65:
	if (c++ > 1000) goto end;
	if (x & 32) goto L17;
L66:
	pthread_mutex_lock(&m);
	if (read(fd, &x, 1) < 0) goto L70;
L67:
	pthread_mutex_unlock(&m);
	if (x == 67) goto L53; else goto L45;
L68:
	switch (x % 3) { case 0: goto L48; case 1: break; default: goto L29; }
L69:
	while (x-- > 0) { if (x == 69) goto L19; sleep(1); }
L70:
	if (c++ > 1000) goto end;
	if (x & 1024) goto L22;
L71:
	pthread_mutex_lock(&m);
	if (read(fd, &x, 1) < 0) goto L29;
L72:
	pthread_mutex_unlock(&m);
	if (x == 72) goto L1; else goto L62;
L73:
	switch (x % 3) { case 0: goto L75; case 1: break; default: goto L23; }
L74:
	while (x-- > 0) { if (x == 74) goto L33; sleep(1); }
L75:
	if (c++ > 1000) goto end;
	if (x & 32768) goto L0;
L76:
	pthread_mutex_lock(&m);
	if (read(fd, &x, 1) < 0) goto L53;
L77:
	pthread_mutex_unlock(&m);
	if (x == 77) goto L47; else goto L78;
L78:
	switch (x % 3) { case 0: goto L72; case 1: break; default: goto L40; }
L79:
	while (x-- > 0) { if (x == 79) goto L16; sleep(1); }
end:
	return x;
}
