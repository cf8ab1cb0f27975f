"""The action layer: each ticket action once, a typed request and the viewer in, a reply out."""
