"""A catalog of everyday tools besides ours, so the model learns to read the tool list it is given.

Rows built from it (`call_catalog`, `missing_catalog` in `train.data.categories`) declare a few of these tools and
ask for one: a call when the asked-for tool is declared, a polite refusal when it is not. Each language
module's CATALOG maps a tool name to (request, arguments) pairs; MISSING_CATALOG holds its refusals.
HELD_OUT tools never appear in the train split, so val/test measure calls to tools never trained on.
"""
from __future__ import annotations


def function_tool(name: str, description: str, properties: dict, required: list[str]) -> dict:
    """A tool schema in the OpenAI function format (as in data/tools.json)."""
    return {"type": "function", "function": {"name": name, "description": description, "parameters": {
        "type": "object", "properties": properties, "required": required}}}


def _s(description: str, enum: list[str] | None = None) -> dict:
    return {"type": "string", "description": description, **({"enum": enum} if enum else {})}


def _i(description: str) -> dict:
    return {"type": "integer", "description": description}


def _n(description: str) -> dict:
    return {"type": "number", "description": description}


CATALOG_TOOLS = {t["function"]["name"]: t for t in [
    function_tool("set_reminder", "Set a reminder.", {
        "text": _s("What to remind the user of."), "when": _s("When, as the user said it.")}, ["text", "when"]),
    function_tool("send_message", "Send a text message to a contact.", {
        "recipient": _s("Contact name or phone number."), "text": _s("The message.")}, ["recipient", "text"]),
    function_tool("play_music", "Play music.", {
        "query": _s("Song, artist, album or genre."), "shuffle": {"type": "boolean", "description": "Shuffle."}},
        ["query"]),
    function_tool("book_restaurant", "Reserve a table at a restaurant.", {
        "restaurant": _s("Restaurant name."), "people": _i("Number of guests."),
        "time": _s("Date and time, as the user said it.")}, ["restaurant", "people", "time"]),
    function_tool("search_flights", "Search flights between two cities.", {
        "origin": _s("Departure city."), "destination": _s("Arrival city."), "date": _s("Travel date.")},
        ["origin", "destination"]),
    function_tool("calculate", "Evaluate an arithmetic expression.", {
        "expression": _s("The expression, e.g. 12*(3+4).")}, ["expression"]),
    function_tool("get_news", "Get the latest news headlines on a topic.", {
        "topic": _s("The topic.")}, ["topic"]),
    function_tool("create_event", "Add an event to the calendar.", {
        "title": _s("Event title."), "date": _s("Date, as the user said it."), "time": _s("Start time.")},
        ["title", "date"]),
    function_tool("add_todo", "Add a task to the to-do list.", {
        "task": _s("The task."), "priority": _s("Priority.", ["low", "medium", "high"])}, ["task"]),
    function_tool("set_thermostat", "Set the thermostat temperature.", {
        "temperature": _n("Target temperature in degrees."), "room": _s("Room name.")}, ["temperature"]),
    function_tool("control_lights", "Switch the lights in a room on or off.", {
        "room": _s("Room name."), "state": _s("On or off.", ["on", "off"])}, ["room", "state"]),
    function_tool("find_recipe", "Find a recipe for a dish.", {
        "dish": _s("The dish."), "diet": _s("Dietary need.", ["vegetarian", "vegan", "gluten-free"])}, ["dish"]),
    function_tool("get_directions", "Get directions between two places.", {
        "origin": _s("Start."), "destination": _s("Destination."),
        "mode": _s("Travel mode.", ["driving", "walking", "transit", "cycling"])}, ["origin", "destination"]),
    function_tool("order_food", "Order food for delivery.", {
        "item": _s("What to order."), "quantity": _i("How many.")}, ["item", "quantity"]),
    function_tool("get_air_quality", "Get the current air quality index of a city.", {
        "city": _s("City name.")}, ["city"]),
    function_tool("get_sunrise_sunset", "Get today's sunrise and sunset times for a city.", {
        "city": _s("City name.")}, ["city"]),
    function_tool("book_hotel", "Book a hotel room.", {
        "city": _s("City."), "check_in": _s("Check-in date, as the user said it."), "nights": _i("Nights.")},
        ["city", "check_in", "nights"]),
    function_tool("search_images", "Search the web for existing photos (does not create images).", {
        "query": _s("What to search for.")}, ["query"]),
    function_tool("get_holidays", "List the public holidays of a country in a year.", {
        "country": _s("Country."), "year": _i("Year.")}, ["country", "year"]),
    function_tool("track_package", "Track a parcel by its tracking number.", {
        "tracking_number": _s("The tracking number.")}, ["tracking_number"]),
    function_tool("define_word", "Look up the dictionary definition of a word.", {
        "word": _s("The word.")}, ["word"]),
    function_tool("get_showtimes", "Get today's showtimes of a movie in a city.", {
        "movie": _s("Movie title."), "city": _s("City.")}, ["movie", "city"]),
    function_tool("check_flight_status", "Check the status of a flight.", {
        "flight_number": _s("Flight number, e.g. BA117.")}, ["flight_number"]),
    function_tool("convert_units", "Convert a value between units of measurement.", {
        "value": _n("The value."), "from_unit": _s("Unit to convert from."), "to_unit": _s("Unit to convert to.")},
        ["value", "from_unit", "to_unit"]),
]}

HELD_OUT = ("track_package", "define_word", "get_showtimes", "check_flight_status", "convert_units")
