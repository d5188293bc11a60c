"""Reading articles and cutting them into sentences with exact character offsets."""
