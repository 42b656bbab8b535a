"""The one exception the raster layer raises for problems a user can fix."""


class RasterError(Exception):
    """A raster input or output problem, described in a sentence a user can act on.

    The algorithm layer turns it into a ``QgsProcessingException`` with the
    same message, so messages name the file and say what to do.
    """
