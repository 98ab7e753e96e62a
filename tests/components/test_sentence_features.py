"""The classifier's rows, built in one go, are Rasa's rows: the same matrix
column for column, whatever mix of sparse, dense and sequence features; the
model saved as arrays classifies as the fitted one."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
import scipy.sparse
from rasa.engine.graph import ExecutionContext, GraphSchema
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.nlu.classifiers.logistic_regression_classifier import LogisticRegressionClassifier
from rasa.shared.nlu.constants import FEATURE_TYPE_SENTENCE, FEATURE_TYPE_SEQUENCE, INTENT, TEXT
from rasa.shared.nlu.training_data.features import Features
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from components.sentence_features import ARRAYS, SentenceFeaturesClassifier, sentence_features

RANDOM = np.random.default_rng(7)
WIDTHS = {"regex": 5, "lexical": 12, "words": 40, "characters": 90}


def sparse_row(width: int) -> scipy.sparse.coo_matrix:
    return scipy.sparse.random(1, width, density=0.2, format="coo", random_state=RANDOM) * 3


def message(dense: bool = False, intent: str | None = None) -> Message:
    """A message as the featurizers leave it: sequence and sentence features of
    the text from each featurizer (a dense one between them when asked), and
    features of another attribute."""
    features = []
    tokens = int(RANDOM.integers(1, 6))
    for origin, width in WIDTHS.items():
        sequence = scipy.sparse.random(tokens, width, density=0.3, random_state=RANDOM)
        features += [
            Features(sequence, FEATURE_TYPE_SEQUENCE, TEXT, origin),
            Features(sparse_row(width), FEATURE_TYPE_SENTENCE, TEXT, origin),
            Features(sparse_row(width), FEATURE_TYPE_SENTENCE, "intent", origin),
        ]
        if dense and origin == "lexical":
            features.append(Features(RANDOM.random((1, 8)), FEATURE_TYPE_SENTENCE, TEXT, "dense"))
    data = {TEXT: "a text", **({INTENT: intent} if intent else {})}
    return Message(data=data, features=features)


def rasas(messages: list[Message]) -> scipy.sparse.csr_matrix:
    classifier = SentenceFeaturesClassifier.__new__(SentenceFeaturesClassifier)
    return LogisticRegressionClassifier._create_X(classifier, messages)


@pytest.mark.parametrize("dense", [False, True])
def test_the_rows_are_rasas_column_for_column(dense: bool) -> None:
    messages = [message(dense) for _ in range(25)]
    ours, theirs = sentence_features(messages), rasas(messages)
    assert ours.shape == theirs.shape == (25, sum(WIDTHS.values()) + 8 * dense)
    assert (ours != theirs).nnz == 0


def test_one_message_as_in_a_turn() -> None:
    one = [message()]
    assert (sentence_features(one) != rasas(one)).nnz == 0


def test_messages_of_different_widths_are_refused() -> None:
    short = message()
    short.features = [f for f in short.features if f.origin != "regex"]
    with pytest.raises(ValueError, match="different feature widths"):
        sentence_features([message(), short])


def test_the_classifier_builds_its_rows_so() -> None:
    classifier = SentenceFeaturesClassifier.__new__(SentenceFeaturesClassifier)
    messages = [message() for _ in range(3)]
    assert (classifier._create_X(messages) != sentence_features(messages)).nnz == 0


def classifier_in(storage: LocalModelStorage, name: str) -> SentenceFeaturesClassifier:
    config = {**SentenceFeaturesClassifier.get_default_config(), "solver": "liblinear"}
    context = ExecutionContext(GraphSchema({}), node_name=name)
    return SentenceFeaturesClassifier.load(config, storage, Resource(name), context)


def test_the_saved_model_classifies_as_the_fitted_one(tmp_path: Path) -> None:
    storage = LocalModelStorage(tmp_path)
    fitted = classifier_in(storage, "classifier")
    examples = [message(intent=intent) for intent in ["affirm", "deny", "greet"] * 10]
    fitted.train(TrainingData(training_examples=examples))
    loaded = classifier_in(storage, "classifier")
    unseen = sentence_features([message() for _ in range(5)])
    assert list(loaded.clf.classes_) == ["affirm", "deny", "greet"]
    assert np.array_equal(loaded.clf.predict_proba(unseen), fitted.clf.predict_proba(unseen))
    assert list((tmp_path / "classifier").iterdir()) == [tmp_path / "classifier" / ARRAYS]


def test_a_model_never_saved_loads_untrained(tmp_path: Path) -> None:
    unsaved = classifier_in(LocalModelStorage(tmp_path), "nothing")
    assert not hasattr(unsaved.clf, "coef_")
