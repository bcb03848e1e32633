"""Tests on a real X11 display (Xvfb, Qt's xcb platform): keys, focus, shortcuts, window size."""
