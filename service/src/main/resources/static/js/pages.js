// DKFDS's components (error summary focus, accordions); the pages work without it
if (window.DKFDS && typeof window.DKFDS.init === 'function') {
	window.DKFDS.init();
}
