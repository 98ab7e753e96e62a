"""Rasa's logistic-regression intent classifier, its input built in one go and
its model saved as plain arrays.

Rasa's `LogisticRegressionClassifier` builds each message's row by combining
the featurizers' matrices with `Message.get_sparse_features` (a deep copy and a
scipy `hstack` per featurizer, for sequence features it then drops) and stacks
the rows one by one: 13 of the 28 s its training took, and about 2 ms of every
message it classifies. `SentenceFeaturesClassifier` builds the same matrix,
column for column, from the featurizers' sentence vectors directly.

Rasa saves the fitted model with skops, whose import scans every loaded module
(thousands, once Rasa has loaded TensorFlow): 10 s of every training and of
every start of a Rasa server, for a model that is three arrays. They are saved
with numpy, without pickle, and loaded into the same scikit-learn estimator.
The classifier itself (liblinear, its configuration) is Rasa's.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import scipy.sparse
from rasa.engine.graph import ExecutionContext
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.classifiers.logistic_regression_classifier import LogisticRegressionClassifier
from rasa.shared.nlu.constants import FEATURE_TYPE_SENTENCE, TEXT
from rasa.shared.nlu.training_data.message import Message

ARRAYS = "classifier.npz"


def sentence_features(messages: list[Message]) -> scipy.sparse.csr_matrix:
    """One row per message: the sentence features of its text from every
    featurizer, sparse ones first and then dense ones, each group in the order
    the featurizers ran, as Rasa's classifier lays them out. Every message must
    carry the same featurizers' features (as the pipeline guarantees): rows
    of different widths raise ValueError, as Rasa's stacking does."""
    rows: list[np.ndarray[Any, Any]] = []
    columns: list[np.ndarray[Any, Any]] = []
    values: list[np.ndarray[Any, Any]] = []
    widths: set[int] = set()
    for row, message in enumerate(messages):
        offset = 0
        for matrix in _sentence_matrices(message):
            found = scipy.sparse.coo_matrix(matrix)
            rows.append(np.full(found.nnz, row))
            columns.append(found.col + offset)
            values.append(found.data)
            offset += found.shape[1]
        widths.add(offset)
    if len(widths) > 1:
        raise ValueError(f"messages with different feature widths: {sorted(widths)}")
    shape = (len(messages), widths.pop() if widths else 0)
    if not values:
        return scipy.sparse.csr_matrix(shape)
    triplets = (np.concatenate(values), (np.concatenate(rows), np.concatenate(columns)))
    return scipy.sparse.csr_matrix(triplets, shape=shape)


def _sentence_matrices(message: Message) -> list[np.ndarray[Any, Any] | scipy.sparse.spmatrix]:
    sentence = [
        feature
        for feature in message.features
        if feature.attribute == TEXT and feature.type == FEATURE_TYPE_SENTENCE
    ]
    sparse = [feature.features for feature in sentence if feature.is_sparse()]
    dense = [feature.features for feature in sentence if feature.is_dense()]
    return sparse + dense


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=True)
class SentenceFeaturesClassifier(LogisticRegressionClassifier):
    """Rasa's `LogisticRegressionClassifier`, its rows built by
    `sentence_features`, its fitted model saved as arrays."""

    def _create_X(self, messages: list[Message]) -> scipy.sparse.csr_matrix:
        return sentence_features(messages)

    def persist(self) -> None:
        with self._model_storage.write_to(self._resource) as directory:
            np.savez(
                directory / ARRAYS,
                coef=self.clf.coef_,
                intercept=self.clf.intercept_,
                classes=np.asarray(self.clf.classes_, dtype=str),
            )

    @classmethod
    def load(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
        **kwargs: Any,
    ) -> SentenceFeaturesClassifier:
        """The saved model; an untrained one if none was saved (no intent
        examples), as Rasa's classifier does."""
        component = cls(config, execution_context.node_name, model_storage, resource)
        try:
            with model_storage.read_from(resource) as directory:
                arrays = np.load(directory / ARRAYS, allow_pickle=False)
                component.clf.coef_ = arrays["coef"]
                component.clf.intercept_ = arrays["intercept"]
                component.clf.classes_ = arrays["classes"]
                component.clf.n_features_in_ = arrays["coef"].shape[1]
        except ValueError:  # the storage's answer for a resource never written
            pass
        return component
